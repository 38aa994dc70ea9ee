// Command signin-doctor is Sign-in Doctor: with no arguments it opens the window a person
// uses; `check` runs the diagnosis for scripts and terminals; `match` names the symptoms a
// pasted message points to; `totp` finds how far a phone's one-time codes are from this
// computer's clock; `version` prints the version.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/doctor"
	"github.com/signin-doctor/signin-doctor/internal/desktop"
)

// version is stamped at build time: go build -ldflags "-X main.version=$(git describe)".
var version = "dev"

// streams are the command's standard input, output and error, injected for tests.
type streams struct {
	In       io.Reader
	Out, Err io.Writer
}

func main() {
	desktop.AttachParentConsole() // a Windows GUI binary run with a subcommand prints in its terminal
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}

const usage = `Usage:
  signin-doctor                     open the window; exit 3 when the graphics give it none
  signin-doctor check [--json] [--config FILE] [--symptom ID] [--only ID,ID] [--region ID]
                                    run the checks; exit 0: nothing found, 1: findings, 2: bad usage or config
  signin-doctor match [--json] [--config FILE] [TEXT...]
                                    the symptoms a pasted message points to, best first (the text: the
                                    arguments, else standard input); exit 0: some, 1: none, 2: bad usage
  signin-doctor totp --code NNNNNN [--json] [--qr IMAGE]
                                    read a TOTP secret from standard input (or a QR image) and find
                                    how far the phone's clock is from this computer's
  signin-doctor totp --calibrate [--json]
                                    no secret: show a throwaway QR code to scan, read the app's codes
                                    from standard input, and place the phone's clock
  signin-doctor config show [--json] [--config FILE] [--region ID]
                                    print the configuration in effect, and where each value comes from
  signin-doctor config validate FILE
                                    check a configuration file (and its playbook) without running anything;
                                    exit 0: valid, 2: not (file, line and key on standard error)
  signin-doctor version             print the version
`

// run is main without the process: it returns the exit code.
func run(ctx context.Context, args []string, s streams) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-psn_") { // macOS Finder adds -psn_… on old systems
		return openGUI(s)
	}
	switch args[0] {
	case "check":
		return checkCommand(ctx, args[1:], s)
	case "match":
		return matchCommand(ctx, args[1:], s)
	case "totp":
		return totpCommand(ctx, args[1:], s, totpClockFor(s))
	case "config":
		return configCommand(args[1:], s)
	case "version", "--version":
		fmt.Fprintf(s.Out, "signin-doctor %s\n", version)
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(s.Out, usage)
		return 0
	}
	fmt.Fprintf(s.Err, "signin-doctor: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// Exit codes (docs/DESIGN.md).
const (
	exitClean    = 0 // nothing found
	exitFindings = 1 // findings of severity warn or fail
	exitUsage    = 2 // bad usage or bad config
	exitNoWindow = 3 // the window: the graphics gave it none (the person is told in a message box)
)

// totpClockFor is what the totp command measures beside the phone's step: the offset from
// the configured NTP servers, judged by the configured thresholds. The step finder itself
// needs no configuration, so a bad file only costs the offset, with a word on standard error.
func totpClockFor(s streams) totpClock {
	cfg, err := config.Discover("", config.DefaultPlaces())
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad configuration, not measuring the clock: %v\n", err)
		return totpClock{}
	}
	d := doctor.New(cfg, doctor.Overrides{})
	return totpClock{Offset: d.ClockOffset, Thresholds: d.Thresholds()}
}
