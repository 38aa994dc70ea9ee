package peer

import (
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// echoModule is where Debian's libnginx-mod-http-echo (a dependency of nginx-light) puts the
// module that gives echo_sleep: a location that answers late, or never.
const echoModule = "/usr/lib/nginx/modules/ngx_http_echo_module.so"

// NginxHang is a location body that accepts the request and sends nothing, not even the status
// line, for an hour: a service that hangs. It needs NginxConfig.Echo.
const NginxHang = "echo_sleep 3600;"

// NginxConfig is what a test asks nginx to serve. Bodies are nginx directives, written into
// server blocks as they are.
type NginxConfig struct {
	// Server is the body of the default server: location blocks and directives.
	Server string
	// Hosts are further servers on the same ports, by server_name: name -> body. A request
	// through a proxy ("GET http://echo.test/") reaches the one named in its URL.
	Hosts map[string]string
	// HTTP is added at the http level before the servers: map and upstream blocks.
	HTTP string
	// Files are written under the servers' root (name -> content), served as static files.
	Files map[string]string
	// TLS adds an HTTPS port with a certificate for localhost, 127.0.0.1, ::1 and Names,
	// signed by a test CA made for this nginx alone (Nginx.CA).
	TLS   bool
	Names []string
	// CertShift moves the certificate's validity window (an hour ago to a day from now) by
	// this much: +25h makes it valid only from tomorrow, -49h expired since yesterday, as this
	// computer's clock would see a good certificate were it that far behind or ahead.
	CertShift time.Duration
	// IPv6 makes every port listen on [::1] too, beside 127.0.0.1.
	IPv6 bool
	// Also are further IPv4 addresses every port listens on (a namespace's LAN address:
	// LANAddr), which the certificate holds too.
	Also []string
	// Echo loads the echo module (echo, echo_sleep, NginxHang).
	Echo bool
	// Env is added to nginx's environment: FakeTimeEnv's, for a skewed Date header.
	Env []string
}

// Nginx is a running nginx serving an NginxConfig on loopback.
type Nginx struct {
	Port    int            // plain HTTP, on 127.0.0.1 (and [::1] with IPv6)
	TLSPort int            // HTTPS; zero without TLS
	CA      *x509.CertPool // trusts the HTTPS port's certificate; nil without TLS
	CAFile  string         // the CA certificate, PEM, for programs that read a file
	Dir     string         // nginx's prefix: its configuration, root (www/) and error log
}

// URL is the plain-HTTP URL of path on 127.0.0.1.
func (n *Nginx) URL(path string) string {
	return "http://" + net.JoinHostPort("127.0.0.1", strconv.Itoa(n.Port)) + path
}

// HostURL is the plain-HTTP URL of path with host (a name, or an address in brackets for
// IPv6) in place of 127.0.0.1, on the same port.
func (n *Nginx) HostURL(host, path string) string {
	return "http://" + host + ":" + strconv.Itoa(n.Port) + path
}

// TLSHostURL is the HTTPS URL of path with host (one of Also, say) in place of localhost.
func (n *Nginx) TLSHostURL(host, path string) string {
	return "https://" + net.JoinHostPort(host, strconv.Itoa(n.TLSPort)) + path
}

// TLSURL is the HTTPS URL of path on localhost, a name the certificate holds.
func (n *Nginx) TLSURL(path string) string {
	return "https://" + net.JoinHostPort("localhost", strconv.Itoa(n.TLSPort)) + path
}

// StartNginx starts nginx with cfg on free loopback ports, in a temporary prefix of its own
// (configuration, root, temporary files and pid file all there: it works as any user and
// touches nothing of this machine's nginx), and stops it when the test ends. It runs as one
// process (master_process off) so that stopping it leaves nothing behind. It skips or fails t
// (see package doc) when nginx, or the echo module for cfg.Echo, is missing.
//
// Tests that check for leaked goroutines should register that check with t.Cleanup before
// calling StartNginx: the goroutine that waits for nginx lives until the cleanup stops it.
func StartNginx(t testing.TB, cfg NginxConfig) *Nginx {
	t.Helper()
	bin := Program(t, "nginx")
	if cfg.Echo {
		if _, err := os.Stat(echoModule); err != nil {
			Missing(t, "the nginx echo module is not installed (Debian package libnginx-mod-http-echo)")
		}
	}
	n := &Nginx{Dir: t.TempDir()}
	if err := writeNginxFiles(n.Dir, cfg.Files); err != nil {
		t.Fatal(err)
	}
	var tlsFiles *tlsFiles
	if cfg.TLS {
		ca, files, err := writeTestCA(n.Dir, append(append([]string{"localhost", "127.0.0.1", "::1"}, cfg.Names...), cfg.Also...), cfg.CertShift)
		if err != nil {
			t.Fatalf("nginx test CA: %v", err)
		}
		n.CA, n.CAFile, tlsFiles = ca, files.caCert, &files
	}
	var lastLog string
	for attempt := 0; attempt < 3; attempt++ {
		n.Port = freeTCPPort(t, cfg.IPv6)
		if cfg.TLS {
			n.TLSPort = freeTCPPort(t, cfg.IPv6)
		}
		conf := filepath.Join(n.Dir, "nginx.conf")
		if err := os.WriteFile(conf, []byte(nginxConf(n, cfg, tlsFiles)), 0o600); err != nil {
			t.Fatalf("writing nginx.conf: %v", err)
		}
		cmd := exec.Command(bin, "-p", n.Dir, "-c", conf, "-e", "stderr")
		cmd.Env = append(os.Environ(), cfg.Env...)
		log, exited := start(t, "nginx", cmd)
		if err := waitTCP(n.Port, exited); err == nil {
			t.Cleanup(func() { stop(cmd, exited) })
			return n
		}
		stop(cmd, exited)
		lastLog = log.String()
		if !strings.Contains(lastLog, "Address already in use") {
			break // a bad configuration: another port will not help
		}
	}
	t.Fatalf("nginx did not start; its log:\n%s\nits configuration:\n%s", lastLog, nginxConf(n, cfg, tlsFiles))
	return nil
}

// nginxConf renders the configuration file.
func nginxConf(n *Nginx, cfg NginxConfig, tls *tlsFiles) string {
	var b strings.Builder
	fmt.Fprintf(&b, "daemon off;\nmaster_process off;\npid %s;\nerror_log stderr warn;\n", filepath.Join(n.Dir, "nginx.pid"))
	if cfg.Echo {
		fmt.Fprintf(&b, "load_module %s;\n", echoModule)
	}
	b.WriteString("events { worker_connections 256; }\nhttp {\n")
	b.WriteString("  access_log off;\n  default_type text/plain;\n")
	for _, kind := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		fmt.Fprintf(&b, "  %s_temp_path %s;\n", kind, filepath.Join(n.Dir, "tmp", kind))
	}
	b.WriteString(cfg.HTTP + "\n")
	listen := func(port int, extra string) {
		fmt.Fprintf(&b, "    listen 127.0.0.1:%d%s;\n", port, extra)
		for _, a := range cfg.Also {
			fmt.Fprintf(&b, "    listen %s:%d%s;\n", a, port, extra)
		}
		if cfg.IPv6 {
			fmt.Fprintf(&b, "    listen [::1]:%d%s;\n", port, extra)
		}
	}
	server := func(name, body string, isDefault bool) {
		def := ""
		if isDefault {
			def = " default_server"
		}
		b.WriteString("  server {\n")
		listen(n.Port, def)
		if tls != nil {
			listen(n.TLSPort, " ssl"+def)
			fmt.Fprintf(&b, "    ssl_certificate %s;\n    ssl_certificate_key %s;\n", tls.cert, tls.key)
		}
		fmt.Fprintf(&b, "    server_name %s;\n    root %s;\n%s\n  }\n", name, filepath.Join(n.Dir, "www"), body)
	}
	server("_", cfg.Server, true)
	names := make([]string, 0, len(cfg.Hosts))
	for name := range cfg.Hosts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		server(name, cfg.Hosts[name], false)
	}
	b.WriteString("}\n")
	return b.String()
}

// writeNginxFiles makes the temporary folders and the root with files in it.
func writeNginxFiles(dir string, files map[string]string) error {
	if err := os.MkdirAll(filepath.Join(dir, "tmp"), 0o700); err != nil {
		return fmt.Errorf("nginx prefix: %w", err)
	}
	root := filepath.Join(dir, "www")
	if err := os.MkdirAll(root, 0o755); err != nil {
		return fmt.Errorf("nginx root: %w", err)
	}
	for name, content := range files {
		path := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return fmt.Errorf("nginx file %s: %w", name, err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			return fmt.Errorf("nginx file %s: %w", name, err)
		}
	}
	return nil
}

// waitTCP returns once 127.0.0.1:port accepts a connection, or an error when the server exits
// or does not listen within a few seconds.
func waitTCP(port int, exited <-chan struct{}) error {
	addr := net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			return fmt.Errorf("exited before listening on %s", addr)
		default:
		}
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			c.Close()
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("not listening on %s within 5 s", addr)
}

// ClosedPort returns a loopback TCP port where nothing listens (it was free a moment ago):
// a connection to 127.0.0.1 on it is refused at once.
func ClosedPort(t testing.TB) int {
	t.Helper()
	return freeTCPPort(t, false)
}

// freeTCPPort returns a TCP port that was free a moment ago on 127.0.0.1, and on [::1] too
// when both is set.
func freeTCPPort(t testing.TB, both bool) int {
	t.Helper()
	for range 20 {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatalf("finding a free TCP port: %v", err)
		}
		port := l.Addr().(*net.TCPAddr).Port
		if !both {
			l.Close()
			return port
		}
		l6, err := net.Listen("tcp6", net.JoinHostPort("::1", strconv.Itoa(port)))
		l.Close()
		if err == nil {
			l6.Close()
			return port
		}
	}
	t.Fatal("no TCP port free on both 127.0.0.1 and [::1]")
	return 0
}
