package peer

import (
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TinyproxyOptions say what forward proxy a test wants.
type TinyproxyOptions struct {
	// User and Password, when set, make the proxy ask for them (Basic authentication): a
	// request without them is answered 407 Proxy Authentication Required.
	User, Password string
}

// Tinyproxy is a running tinyproxy: an office's forward proxy, HTTP and CONNECT, on loopback.
type Tinyproxy struct {
	Addr    string // "127.0.0.1:PORT"
	LogFile string // every request it handled, one line each
}

// URL is the proxy's URL, with the given credentials when user is set.
func (p Tinyproxy) URL(user, password string) *url.URL {
	u := &url.URL{Scheme: "http", Host: p.Addr}
	if user != "" {
		u.User = url.UserPassword(user, password)
	}
	return u
}

// Log returns what the proxy logged so far.
func (p Tinyproxy) Log(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile(p.LogFile)
	if err != nil {
		t.Fatalf("reading tinyproxy's log: %v", err)
	}
	return string(b)
}

// StartTinyproxy starts tinyproxy in the foreground on a free loopback port, allowing every
// port for CONNECT, and stops it when the test ends. It skips or fails t when tinyproxy is
// missing.
func StartTinyproxy(t testing.TB, o TinyproxyOptions) Tinyproxy {
	t.Helper()
	bin := Program(t, "tinyproxy")
	dir := t.TempDir()
	port := freeTCPPort(t, false)
	p := Tinyproxy{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), LogFile: filepath.Join(dir, "tinyproxy.log")}
	conf := []string{
		"Port " + strconv.Itoa(port),
		"Listen 127.0.0.1",
		"Timeout 10",
		"MaxClients 50",
		"Allow 127.0.0.1",
		"LogLevel Info",
		`LogFile "` + p.LogFile + `"`,
		`PidFile "` + filepath.Join(dir, "tinyproxy.pid") + `"`,
	}
	if o.User != "" {
		conf = append(conf, "BasicAuth "+o.User+" "+o.Password)
	}
	path := filepath.Join(dir, "tinyproxy.conf")
	if err := os.WriteFile(path, []byte(strings.Join(conf, "\n")+"\n"), 0o600); err != nil {
		t.Fatalf("writing tinyproxy.conf: %v", err)
	}
	cmd := exec.Command(bin, "-d", "-c", path)
	log, exited := start(t, "tinyproxy", cmd)
	t.Cleanup(func() { stop(cmd, exited) })
	if err := waitTCP(port, exited); err != nil {
		t.Fatalf("tinyproxy on %s: %v; its output:\n%s", p.Addr, err, log.String())
	}
	return p
}
