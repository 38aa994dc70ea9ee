package peer

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/beevik/ntp"
)

// NTPServer is a running chronyd that serves this machine's time shifted by Offset.
type NTPServer struct {
	Addr   string        // "127.0.0.1:PORT", as the clock check's servers option takes it
	Offset time.Duration // what the server's clock is ahead of this machine's (negative: behind)
}

// Chrony starts chronyd as an NTP server on a free loopback UDP port, under libfaketime so
// that its clock runs offset ahead of this machine's (behind when negative), and stops it when
// the test ends. chronyd runs with -x and no upstream source: it never touches this machine's
// clock. It skips or fails t when chronyd or libfaketime is missing.
func Chrony(t testing.TB, offset time.Duration) NTPServer {
	t.Helper()
	chronyd := Program(t, "chronyd")
	env := FakeTimeEnv(t, offset)
	dir := t.TempDir()
	port := freeUDPPort(t)
	conf := filepath.Join(dir, "chrony.conf")
	// local stratum: serve time without an upstream source. cmdport 0 and bindcmdaddress /
	// keep it off the command sockets, so it cannot clash with the system's chronyd.
	text := fmt.Sprintf(`local stratum 8
allow 127.0.0.1
bindaddress 127.0.0.1
port %d
cmdport 0
bindcmdaddress /
pidfile %s
driftfile %s
`, port, filepath.Join(dir, "chronyd.pid"), filepath.Join(dir, "drift"))
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		t.Fatalf("writing chrony.conf: %v", err)
	}
	cmd := exec.Command(chronyd, "-f", conf, "-d", "-x", "-u", currentUser(t))
	cmd.Env = append(os.Environ(), env...)
	log := &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting chronyd: %v", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	t.Cleanup(func() { stop(cmd, exited) })

	srv := NTPServer{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), Offset: offset}
	if err := waitNTP(srv.Addr, exited); err != nil {
		t.Fatalf("chronyd on %s: %v; its log:\n%s", srv.Addr, err, log.String())
	}
	return srv
}

// waitNTP returns once the server at addr answers a valid NTP response, or an error when
// chronyd exits or does not answer within a few seconds.
func waitNTP(addr string, exited <-chan struct{}) error {
	deadline := time.Now().Add(5 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("chronyd exited: last query error: %v", last)
		default:
		}
		r, err := ntp.QueryWithOptions(addr, ntp.QueryOptions{Timeout: 200 * time.Millisecond})
		if err == nil {
			err = r.Validate()
		}
		if err == nil {
			return nil
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("no valid answer within 5 s: %v", last)
}

// stop ends a peer process politely, then firmly, and waits for it to exit.
func stop(cmd *exec.Cmd, exited <-chan struct{}) {
	_ = cmd.Process.Signal(os.Interrupt)
	select {
	case <-exited:
		return
	case <-time.After(3 * time.Second):
	}
	_ = cmd.Process.Kill()
	<-exited
}

// freeUDPPort returns a loopback UDP port that was free a moment ago.
func freeUDPPort(t testing.TB) int {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("finding a free UDP port: %v", err)
	}
	defer c.Close()
	return c.LocalAddr().(*net.UDPAddr).Port
}

// currentUser names the user chronyd keeps running as, so it need not drop to _chrony (which
// could not read the test's temporary files).
func currentUser(t testing.TB) string {
	t.Helper()
	u, err := user.Current()
	if err != nil {
		t.Fatalf("looking up the current user: %v", err)
	}
	return u.Username
}
