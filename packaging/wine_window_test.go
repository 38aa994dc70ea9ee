package packaging

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/packaging/internal/wine"
)

// windowBound is how long the window may take to appear on a person's first start: measured
// 1–3 s under Wine on 2 cores (a bare Fyne window: 2–3 s), with a cold font index.
const windowBound = 30 * time.Second

// installDir is where IT's installer puts the program (and its configuration, beside it).
const installDir = `C:\Program Files\Sign-in Doctor`

// TestWindowsWindowUnderWine double-clicks the Windows bundle's signin-doctor.exe, under Wine,
// on a prefix with the Japanese fonts a Japanese Windows keeps in C:\Windows\Fonts (Yu Gothic
// and Meiryo there; Noto Sans CJK here): in Japanese first (the first start in the prefix, its
// font index cold) and then in English, the window must appear within windowBound with its
// title in that language, be drawn, and end with status 0 when it is closed, by its close
// button or by Ctrl+Q. On a display without OpenGL (as some remote desktop sessions and virtual
// machines are) the graphics give the program no window: it must say so in a Windows message
// box within the same bound, with the driver's reason, and end with status 3 when the box is
// closed — never run on with nothing on the screen. A window that does not appear fails with
// every goroutine's stack (the program's start-up watchdog, cmd/signin-doctor/watchdog.go).
func TestWindowsWindowUnderWine(t *testing.T) {
	b := bundleFile(t, "windows-amd64.zip")
	zb := readZip(t, b.file)
	display := wine.Xvfb(t)
	withoutGL := wine.Xvfb(t, "-extension", "GLX")
	prefix := wine.NewPrefix(t, display)
	prefix.AddFonts(t, japaneseFonts(t)...)
	dir := prefix.Install(t, installDir, map[string][]byte{
		"signin-doctor.exe":  zb.file(t, "signin-doctor/signin-doctor.exe").data,
		"signin-doctor.toml": zb.file(t, "signin-doctor/signin-doctor.toml").data,
	})
	exe := filepath.Join(dir, "signin-doctor.exe")

	tests := []struct {
		name, display, locale, title string
		closeBy                      string // "close-button" (WM_DELETE_WINDOW, the title bar's ×), "ctrl+q" or "enter"
		wantStatus                   int
		wantOutput                   string // in the program's standard error
	}{
		{"japanese", display, "ja_JP.UTF-8", "サインイン診断", "close-button", 0, ""},
		{"english", display, "en_US.UTF-8", "Sign-in Doctor", "ctrl+q", 0, ""},
		{"no-opengl", withoutGL, "ja_JP.UTF-8", "サインイン診断", "enter", 3, "WGL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dump := `C:\signin-doctor-stacks-` + tt.name + `.txt`
			ctx, cancel := context.WithTimeout(t.Context(), windowBound+30*time.Second)
			defer cancel()
			cmd := prefix.Command(ctx, tt.locale, exe, nil, "DISPLAY="+tt.display, wine.NoUIAutomation,
				"SIGNIN_DOCTOR_STACKDUMP="+dump, "SIGNIN_DOCTOR_STACKDUMP_AFTER="+(windowBound-5*time.Second).String())
			var output bytes.Buffer
			cmd.Stdout, cmd.Stderr = &output, &output
			started := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatalf("wine %s: %v", exe, err)
			}
			exited := make(chan struct{})
			var waitErr error
			go func() { waitErr = cmd.Wait(); close(exited) }()
			defer func() { _ = cmd.Process.Kill(); <-exited }()

			appear, stop := context.WithTimeout(ctx, windowBound)
			window, err := wine.WaitWindow(appear, tt.display, cmd.Process.Pid, exited)
			stop()
			if err != nil {
				stacks, _ := os.ReadFile(prefix.Host(dump))
				t.Fatalf("LANG=%s: %v within %s; output:\n%s\nstacks:\n%s", tt.locale, err, windowBound, output.String(), stacks)
			}
			t.Logf("LANG=%s: window after %s", tt.locale, time.Since(started).Round(time.Millisecond))

			if got, err := wine.X(ctx, tt.display, "xdotool", "getwindowname", window); strings.TrimSpace(got) != tt.title {
				t.Errorf("the window title is %q (%v), want %q", strings.TrimSpace(got), err, tt.title)
			}
			if n := waitDrawn(ctx, t, tt.display, window); n < 64 {
				t.Errorf("the window looks blank: %d distinct colours", n)
			}

			closeWindow(ctx, t, tt.display, window, tt.closeBy)
			select {
			case <-exited:
			case <-time.After(15 * time.Second):
				t.Fatalf("after %s the program is still running 15 s later; output:\n%s", tt.closeBy, output.String())
			}
			if got := exitStatus(t, waitErr); got != tt.wantStatus {
				t.Errorf("after %s the program ended with status %d, want %d; output:\n%s", tt.closeBy, got, tt.wantStatus, output.String())
			}
			if !strings.Contains(output.String(), tt.wantOutput) {
				t.Errorf("the program's output does not say %q:\n%s", tt.wantOutput, output.String())
			}
			if strings.Contains(output.String(), "panic") {
				t.Errorf("the program's output reports a panic:\n%s", output.String())
			}
		})
	}
}

// exitStatus is the exit status a wait ended with.
func exitStatus(t *testing.T, waitErr error) int {
	t.Helper()
	var exit *exec.ExitError
	switch {
	case waitErr == nil:
		return 0
	case errors.As(waitErr, &exit):
		return exit.ExitCode()
	}
	t.Fatalf("waiting for the program: %v", waitErr)
	return -1
}

// japaneseFonts returns this machine's Noto Sans CJK regular and bold font files.
func japaneseFonts(t *testing.T) []string {
	t.Helper()
	fcList := wine.Program(t, "fc-list", "fontconfig")
	out, err := exec.CommandContext(t.Context(), fcList, ":family=Noto Sans CJK JP", "file").Output()
	if err != nil {
		t.Fatalf("fc-list: %v", err)
	}
	seen := map[string]bool{}
	var files []string
	for _, line := range strings.Split(string(out), "\n") {
		file := strings.TrimSuffix(strings.TrimSpace(line), ":")
		if file != "" && !seen[file] {
			seen[file] = true
			files = append(files, file)
		}
	}
	if len(files) == 0 {
		wine.Missing(t, "no Noto Sans CJK JP font is installed (apt-get install fonts-noto-cjk)")
	}
	return files
}

// waitDrawn photographs the window until it has many colours (Wine maps it before the first
// frame), for up to 10 s, and returns the last count.
func waitDrawn(ctx context.Context, t *testing.T, display, window string) int {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		n, err := wine.Colours(ctx, display, window)
		if err != nil {
			t.Fatal(err)
		}
		if n >= 64 || time.Now().After(deadline) {
			return n
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// closeWindow closes the window as a person does: the title bar's close button (the window
// manager's WM_DELETE_WINDOW request; xdotool's windowclose would destroy the window instead),
// Ctrl+Q, or Enter on a message box.
func closeWindow(ctx context.Context, t *testing.T, display, window, by string) {
	t.Helper()
	var err error
	switch by {
	case "close-button":
		_, err = wine.X(ctx, display, wine.Program(t, "python3", "python3"), "../scripts/wm-delete-window.py", window)
	case "enter": // a message box's default button
		if _, err = wine.X(ctx, display, "xdotool", "mousemove", "--window", window, "8", "8", "click", "1"); err == nil {
			_, err = wine.X(ctx, display, "xdotool", "key", "--clearmodifiers", "Return")
		}
	case "ctrl+q":
		// With no window manager, Wine makes a window the active one when it is clicked, as
		// a person would before pressing keys in it; a focus change alone raced the key.
		if _, err = wine.X(ctx, display, "xdotool", "mousemove", "--window", window, "8", "8", "click", "1"); err == nil {
			_, err = wine.X(ctx, display, "xdotool", "key", "--clearmodifiers", "ctrl+q")
		}
	default:
		t.Fatalf("no way to close by %q", by)
	}
	if err != nil {
		t.Fatalf("closing the window by %s: %v", by, err)
	}
}
