package wine

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Xvfb starts a virtual X display for t, 1280×800 at 24 bits as a laptop's, with Xvfb's extra
// arguments (such as "-extension", "GLX": a display without OpenGL), and returns its name
// (":N"). It is ended when t ends.
func Xvfb(t testing.TB, extra ...string) string {
	t.Helper()
	xvfb := Program(t, "Xvfb", "xvfb")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(xvfb, append([]string{"-displayfd", "3", "-screen", "0", "1280x800x24", "-nolisten", "tcp"}, extra...)...)
	cmd.ExtraFiles = []*os.File{w}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting Xvfb: %v", err)
	}
	w.Close()
	t.Cleanup(func() { stopXvfb(cmd) })
	number := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(r).ReadString('\n')
		number <- strings.TrimSpace(line)
	}()
	select {
	case n := <-number:
		if n == "" {
			t.Fatalf("Xvfb did not start: %s", stderr.String())
		}
		return ":" + n
	case <-time.After(10 * time.Second):
		t.Fatalf("Xvfb gave no display number in 10 s: %s", stderr.String())
	}
	return ""
}

// stopXvfb ends Xvfb as its own shutdown does, which removes its socket (/tmp/.X11-unix/XN).
// Killed outright, it left the socket behind, and the next Xvfb given that display number
// answered no client: a later make bench's windows failed with "failed to initialise GLFW".
// An Xvfb that does not end within 5 s is killed.
func stopXvfb(cmd *exec.Cmd) {
	done := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(done)
	}()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cmd.Process.Kill()
		<-done
	}
}

// X runs an X client program (xdotool, xwd, …) on display and returns its standard output.
func X(ctx context.Context, display, program string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, program, args...)
	cmd.Env = []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "DISPLAY=" + display}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return stdout.String(), fmt.Errorf("%s %s: %w: %s", program, strings.Join(args, " "), err, strings.TrimSpace(stderr.String()))
	}
	return stdout.String(), nil
}

// WaitWindow waits until the process pid has a window on display that is mapped (visible), or
// until ctx ends or exited is closed, and returns the window's id. A window of a Windows program
// under Wine carries the Wine process's pid in _NET_WM_PID.
func WaitWindow(ctx context.Context, display string, pid int, exited <-chan struct{}) (string, error) {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		// xdotool exits 1 while there is no such window yet.
		out, _ := X(ctx, display, "xdotool", "search", "--onlyvisible", "--pid", strconv.Itoa(pid))
		if ids := strings.Fields(out); len(ids) > 0 {
			return ids[0], nil
		}
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("no window: %w", ctx.Err())
		case <-exited:
			return "", fmt.Errorf("the program ended before it showed a window")
		case <-tick.C:
		}
	}
}

// Colours photographs window as it is on screen and counts its distinct colours: a frame Wine
// has mapped but the program not yet drawn is one flat colour; drawn text, icons and
// anti-aliasing make many.
func Colours(ctx context.Context, display, window string) (int, error) {
	for _, p := range []string{"xwd", "xwdtopnm", "ppmhist"} {
		if _, err := exec.LookPath(p); err != nil {
			return 0, fmt.Errorf("%s is not installed (x11-apps, netpbm)", p)
		}
	}
	cmd := exec.CommandContext(ctx, "bash", "-c", `set -o pipefail; xwd -silent -id "$1" | xwdtopnm 2>/dev/null | ppmhist -noheader | wc -l`, "colours", window)
	cmd.Env = []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "DISPLAY=" + display}
	out, err := cmd.Output()
	if err != nil {
		return 0, fmt.Errorf("photographing window %s: %w", window, err)
	}
	return strconv.Atoi(strings.TrimSpace(string(out)))
}
