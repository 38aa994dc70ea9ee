package wine

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
)

// msiexecBound bounds one msiexec run: installing the 30 MB package takes seconds.
const msiexecBound = 3 * time.Minute

// NoMenus keeps Wine from mirroring the shortcuts a Windows program makes (an installer's
// Start-menu entries) into the host's desktop menus (winemenubuilder).
const NoMenus = "WINEDLLOVERRIDES=winemenubuilder.exe=d"

// ZPath returns a host path as the Windows programs in a prefix see it: Wine maps the host's
// root to the Z: drive.
func ZPath(host string) string {
	return "Z:" + strings.ReplaceAll(host, "/", `\`)
}

// Msiexec runs Windows Installer in the prefix (msiexec /i PACKAGE /qn …, /x …) as IT runs
// it, with a verbose log whose end a failure shows, and fails t unless it ends with 0.
func (p *Prefix) Msiexec(t testing.TB, args ...string) {
	t.Helper()
	log := filepath.Join(t.TempDir(), "msiexec.log")
	ctx, cancel := context.WithTimeout(context.Background(), msiexecBound)
	defer cancel()
	cmd := p.Command(ctx, "C.UTF-8", "msiexec", append(args, "/l*v", ZPath(log)), NoMenus)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	started := time.Now()
	err := cmd.Run()
	if err == nil {
		t.Logf("msiexec %s: %s", args[0], time.Since(started).Round(time.Millisecond))
		return
	}
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		t.Fatalf("msiexec %s: %v", strings.Join(args, " "), err)
	}
	data, _ := os.ReadFile(log)
	t.Fatalf("msiexec %s: exit %d after %s\n%s\nthe end of its log:\n%s", strings.Join(args, " "), exit.ExitCode(),
		time.Since(started).Round(time.Millisecond), out.String(), data[max(0, len(data)-6000):])
}
