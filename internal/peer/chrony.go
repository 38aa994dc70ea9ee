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
	// CmdHost and CmdPort are chronyd's monitoring port on loopback, for
	// "chronyc -h CmdHost -p CmdPort -n tracking".
	CmdHost string
	CmdPort int
}

// ChronyOptions say what chronyd a test wants.
type ChronyOptions struct {
	// Offset shifts chronyd's clock from this machine's (ahead when positive).
	Offset time.Duration
	// Unsynchronised makes a chronyd with no time to serve: instead of "local stratum" it
	// has one upstream server, on a closed loopback port, so it reports "Not synchronised"
	// and answers NTP clients with leap indicator 3.
	Unsynchronised bool
	// Upstream makes a chronyd that follows the NTP server at this "host:port" (another
	// StartChrony's Addr), polling it every 1/16 s so that it is synchronised within a second,
	// instead of serving its own clock as a local reference ("local stratum 8").
	Upstream string
	// Netns runs chronyd in that network namespace (ip netns exec), serving on Bind: a time
	// server on a LAN, such as the gateway namespace of Netns.GatewayName. Empty: this
	// process's namespace, on loopback.
	Netns, Bind string
}

// Chrony starts chronyd as an NTP server with offset; see StartChrony.
func Chrony(t testing.TB, offset time.Duration) NTPServer {
	t.Helper()
	return StartChrony(t, ChronyOptions{Offset: offset})
}

// StartChrony starts chronyd as an NTP server on a free UDP port of loopback (or of o.Bind, in
// the namespace o.Netns), under libfaketime so that its clock runs o.Offset ahead of this
// machine's (behind when negative), with its monitoring port on loopback too, and stops it
// when the test ends. chronyd runs with -x: it never touches this machine's clock. It skips or
// fails t when chronyd or libfaketime is missing.
func StartChrony(t testing.TB, o ChronyOptions) NTPServer {
	t.Helper()
	chronyd := Program(t, "chronyd")
	env := FakeTimeEnv(t, o.Offset)
	dir := t.TempDir()
	bind := "127.0.0.1"
	if o.Bind != "" {
		bind = o.Bind
	}
	srv := NTPServer{Offset: o.Offset, CmdHost: "127.0.0.1", CmdPort: freeUDPPort(t)}
	port := freeUDPPort(t)
	srv.Addr = net.JoinHostPort(bind, strconv.Itoa(port))
	source := "local stratum 8"
	if o.Upstream != "" {
		host, port, err := net.SplitHostPort(o.Upstream)
		if err != nil {
			t.Fatalf("chronyd upstream %q: %v", o.Upstream, err)
		}
		source = fmt.Sprintf("server %s port %s iburst minpoll -4 maxpoll -4", host, port)
	}
	if o.Unsynchronised {
		source = fmt.Sprintf("server 127.0.0.1 port %d iburst", freeUDPPort(t))
	}
	conf := filepath.Join(dir, "chrony.conf")
	// bindcmdaddress / turns off the Unix command socket, so this chronyd cannot clash with
	// the system's; its monitoring port answers loopback only.
	text := fmt.Sprintf(`%s
allow all
bindaddress %s
port %d
bindcmdaddress 127.0.0.1
bindcmdaddress /
cmdport %d
cmdallow 127.0.0.1
pidfile %s
driftfile %s
`, source, bind, port, srv.CmdPort, filepath.Join(dir, "chronyd.pid"), filepath.Join(dir, "drift"))
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		t.Fatalf("writing chrony.conf: %v", err)
	}
	cmd := exec.Command(chronyd, "-f", conf, "-d", "-x", "-u", currentUser(t))
	if o.Netns != "" {
		cmd = exec.Command(Program(t, "ip"), "netns", "exec", o.Netns, chronyd, "-f", conf, "-d", "-x", "-u", currentUser(t))
	}
	cmd.Env = append(os.Environ(), env...)
	log, exited := start(t, "chronyd", cmd)
	t.Cleanup(func() { stop(cmd, exited) })

	if err := waitNTP(srv.Addr, !o.Unsynchronised, exited); err != nil {
		t.Fatalf("chronyd on %s: %v; its log:\n%s", srv.Addr, err, log.String())
	}
	return srv
}

// waitNTP returns once the server at addr answers (with a valid response when valid is set),
// or an error when chronyd exits or does not answer within a few seconds.
func waitNTP(addr string, valid bool, exited <-chan struct{}) error {
	deadline := time.Now().Add(5 * time.Second)
	var last error
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("chronyd exited: last query error: %v", last)
		default:
		}
		r, err := ntp.QueryWithOptions(addr, ntp.QueryOptions{Timeout: 200 * time.Millisecond})
		if err == nil && valid {
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

// start starts a peer's process with its output collected in log, and closes exited when the
// process has exited (and been waited for).
func start(t testing.TB, name string, cmd *exec.Cmd) (log *lockedBuffer, exited <-chan struct{}) {
	t.Helper()
	log = &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", name, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	return log, done
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
