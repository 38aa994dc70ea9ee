// Package wine runs the Windows build of Sign-in Doctor under Wine for the Windows lane's tests:
// a throwaway Wine prefix per test (a Windows installation of its own, registry included),
// fitted with what Go's Windows runtime needs and Wine 8.0 lacks (ProcessPrng, see shim.go) and
// with the fonts a Japanese Windows keeps in C:\Windows\Fonts, its registry written by Wine's
// own reg.exe (RegAdd), and commands run in it with a clean environment, on one wineserver kept
// for the prefix's life. The program sees a real Windows API: its registry, its fonts, its
// window.
//
// A missing wine, Xvfb or mingw-w64 skips the test, or fails it when
// SIGNIN_DOCTOR_REQUIRE_PEERS is set (make test sets it).
package wine

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// Program returns the path of the named program, or skips or fails t when it is missing,
// naming the Debian package pkg that has it.
func Program(t testing.TB, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		peer.Missing(t, fmt.Sprintf("%s is not installed (apt-get install %s)", name, pkg))
	}
	return path
}

// Missing skips t for what this machine lacks, or fails it when SIGNIN_DOCTOR_REQUIRE_PEERS
// is set (peer.Missing).
func Missing(t testing.TB, why string) {
	t.Helper()
	peer.Missing(t, why)
}

// Prefix is one Wine prefix: C:\ is Drive, the registry and the user's profile beside it.
type Prefix struct {
	Dir     string // WINEPREFIX
	Drive   string // C:\ on the host
	display string
	home    string
	wine    string
}

// bootTimeout bounds wineboot: the first prefix on a machine takes ~20 s, later ones ~8 s.
const bootTimeout = 3 * time.Minute

// NewPrefix makes a prefix under a temporary folder of t, booted with the X display (a prefix
// booted with none fails the first window made in it: "Failed to create helper window"), with
// the ProcessPrng shim in system32. Its wineserver is ended when t ends.
func NewPrefix(t testing.TB, display string) *Prefix {
	t.Helper()
	root := t.TempDir()
	p := &Prefix{
		Dir:     filepath.Join(root, "prefix"),
		display: display,
		home:    filepath.Join(root, "home"),
		wine:    Program(t, "wine", "wine wine64"),
	}
	p.Drive = filepath.Join(p.Dir, "drive_c")
	if err := os.MkdirAll(p.home, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.killServer() })
	ctx, cancel := context.WithTimeout(context.Background(), bootTimeout)
	defer cancel()
	started := time.Now()
	boot := exec.CommandContext(ctx, Program(t, "wineboot", "wine"), "-i")
	// Without .NET (mscoree) and the HTML engine (mshtml): wineboot would otherwise offer to
	// download Wine Mono and Gecko, and the program needs neither.
	boot.Env = append(p.env("C.UTF-8"), "WINEDLLOVERRIDES=mscoree,mshtml=")
	if out, err := boot.CombinedOutput(); err != nil {
		t.Fatalf("wineboot -i: %v\n%s", err, out)
	}
	// wineboot returns while its wineserver still writes the registry; wait for it to finish.
	wait := exec.CommandContext(ctx, Program(t, "wineserver", "wine"), "-w")
	wait.Env = boot.Env
	if out, err := wait.CombinedOutput(); err != nil {
		t.Fatalf("wineserver -w after wineboot: %v\n%s", err, out)
	}
	// A wineserver that stays up for the prefix's life: otherwise each command waits for a
	// new one to start and load the registry (~2 s of every run, measured).
	// It runs on in the background: it gets no pipe of this process, which it would hold open.
	persist := exec.CommandContext(ctx, Program(t, "wineserver", "wine"), "-p")
	persist.Env = boot.Env
	if err := persist.Run(); err != nil {
		t.Fatalf("wineserver -p: %v", err)
	}
	// The first program in a server starts Wine's services (services.exe, explorer.exe …),
	// which live on with the server and keep the standard streams they were given: a first
	// program without pipes starts them on /dev/null, so no test's output pipe is held open.
	// GetDesktopWindow makes Wine start its desktop (explorer.exe) and wait until it is up: a
	// program's first window in a prefix whose desktop was still starting failed now and then
	// ("Failed to create helper window", 1 bundle-test run in about 10).
	for _, args := range [][]string{{"cmd", "/c", "exit"}, {"rundll32.exe", "user32.dll,GetDesktopWindow"}} {
		warm := exec.CommandContext(ctx, p.wine, args...)
		warm.Env = p.env("C.UTF-8")
		if err := warm.Run(); err != nil {
			t.Fatalf("starting Wine's services (wine %v): %v", args, err)
		}
	}
	t.Logf("wine prefix booted in %s", time.Since(started).Round(time.Millisecond))
	installShim(t, filepath.Join(p.Drive, "windows", "system32"))
	return p
}

// NoUIAutomation turns Wine's UI Automation off for a program: Wine 8.0's
// uiautomationcore.dll exports UiaRaiseStructureChangedEvent as a stub that aborts the process
// when called ("unimplemented function … aborting"), and the window, built for screen readers
// (Fyne's tag accessibility), calls it each time what it shows changes. On Windows the function
// exists. Without the DLL, Fyne's provider stays off, as it does on a Windows without UI
// Automation, and the window runs.
const NoUIAutomation = "WINEDLLOVERRIDES=uiautomationcore=d"

// env is the clean environment a command in the prefix runs with, in the given POSIX locale
// (Wine derives the Windows user locale, ja-JP or en-US, from it).
func (p *Prefix) env(locale string) []string {
	return []string{
		"PATH=/usr/sbin:/usr/bin:/sbin:/bin",
		"HOME=" + p.home,
		"WINEPREFIX=" + p.Dir,
		"WINEDEBUG=-all",
		"DISPLAY=" + p.display,
		"LANG=" + locale,
		"LC_ALL=" + locale,
	}
}

// Command runs a Windows program (a host path, or one of the prefix's own) in the prefix, in
// locale, with extra environment variables as the program sees them.
func (p *Prefix) Command(ctx context.Context, locale, exe string, args []string, extraEnv ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, p.wine, append([]string{exe}, args...)...)
	cmd.Env = append(p.env(locale), extraEnv...)
	cmd.Dir = p.home
	// The program's window and children belong to the wine process: end them with it.
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// Host returns the host path of a path on the prefix's C: drive (`C:\x\y` or `x/y`).
func (p *Prefix) Host(windowsPath string) string {
	rel := strings.TrimPrefix(strings.TrimPrefix(windowsPath, `C:`), `c:`)
	rel = strings.TrimLeft(strings.ReplaceAll(rel, `\`, "/"), "/")
	return filepath.Join(p.Drive, filepath.FromSlash(rel))
}

// Install writes files (name → contents) into the folder dir on the C: drive, as an installer
// would, and returns the folder's host path.
func (p *Prefix) Install(t testing.TB, dir string, files map[string][]byte) string {
	t.Helper()
	host := p.Host(dir)
	if err := os.MkdirAll(host, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(host, name), data, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return host
}

// AddFonts copies font files into C:\Windows\Fonts, where Windows keeps its own (Yu Gothic and
// Meiryo on a Japanese Windows) and where programs look for them.
func (p *Prefix) AddFonts(t testing.TB, files ...string) {
	t.Helper()
	dir := p.Host(`C:\windows\Fonts`)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatalf("reading the font %s: %v", f, err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// killServer ends the prefix's wineserver and every Windows process in it.
func (p *Prefix) killServer() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	kill := exec.CommandContext(ctx, "wineserver", "-k")
	kill.Env = p.env("C.UTF-8")
	var out bytes.Buffer
	kill.Stdout, kill.Stderr = &out, &out
	_ = kill.Run() // no server left running is the goal either way
}
