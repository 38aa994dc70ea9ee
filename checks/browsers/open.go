package browsers

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os/exec"
	"strings"
)

// ErrUnsupported is returned by Open for a browser Google sign-in does not support: the
// action exists to leave such browsers.
var ErrUnsupported = errors.New("browser not supported by Google sign-in")

// Starter starts a program with its arguments in dir (empty: the current directory) and does
// not wait for it: a browser outlives the wizard.
type Starter func(argv []string, dir string) error

// StartProcess is the real Starter. The process is reaped in the background so it leaves no
// zombie; it is deliberately not tied to a context, which would kill the browser.
func StartProcess(argv []string, dir string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", argv[0], err)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}

// Launcher opens URLs in chosen browsers.
type Launcher struct {
	// Start starts the command; nil means StartProcess.
	Start Starter
}

// Open starts browser b, as found by this package's check, with the http or https URL u.
func Open(ctx context.Context, b Browser, u string) error {
	return Launcher{}.Open(ctx, b, u)
}

// Open starts browser b with the http or https URL u. It refuses other URLs, so nothing but a
// web address (never a flag or a file) reaches the browser's command line.
func (l Launcher) Open(ctx context.Context, b Browser, u string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("opening %s: %w", b.Name, err)
	}
	if !b.Supported {
		return fmt.Errorf("opening %s: %w", b.Name, ErrUnsupported)
	}
	if err := checkURL(u); err != nil {
		return err
	}
	argv, err := commandLine(b.launch, u)
	if err != nil {
		return fmt.Errorf("opening %s: %w", b.Name, err)
	}
	start := l.Start
	if start == nil {
		start = StartProcess
	}
	if err := start(argv, b.launch.dir); err != nil {
		return fmt.Errorf("opening %s: %w", b.Name, err)
	}
	return nil
}

// commandLine builds the command that opens u.
func commandLine(l launch, u string) ([]string, error) {
	if len(l.argv) == 0 {
		return nil, errors.New("no command is known to start this browser")
	}
	if l.fieldCodes {
		return expandExec(l, u)
	}
	return append(append([]string(nil), l.argv...), u), nil
}

// checkURL accepts absolute http and https URLs with a host and nothing that a command line
// could take for something else.
func checkURL(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("bad URL: %w", err)
	}
	if p.Scheme != "https" && p.Scheme != "http" || p.Host == "" {
		return fmt.Errorf("bad URL %q: want an http or https address", u)
	}
	if strings.ContainsAny(u, " \t\r\n\"") {
		return fmt.Errorf("bad URL %q: spaces and quotes must be escaped", u)
	}
	return nil
}
