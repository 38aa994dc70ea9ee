package peer

import (
	"crypto/x509"
	"fmt"
	"io/fs"
	"net"
	"net/url"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// squidCertgen is Debian's certificate generator for squid's ssl_bump (package squid-openssl;
// the GnuTLS build of plain squid has neither it nor ssl_bump).
const squidCertgen = "/usr/lib/squid/security_file_certgen"

// SquidCAName is the common name of the intercepting proxy's own CA: the issuer a browser
// shows, and IT knows, on every certificate the proxy makes.
const SquidCAName = "Example Corp TLS Inspection CA"

// SquidOptions say what intercepting proxy a test wants.
type SquidOptions struct {
	// OriginCAFile is a PEM file of the CA the proxy trusts for the servers it connects to
	// (Nginx.CAFile): a proxy that cannot verify the real server answers with an error.
	OriginCAFile string
}

// Squid is a running squid that intercepts TLS, as an office's inspecting proxy does: it
// takes CONNECT, ends the client's TLS itself with a certificate for the requested host made
// on the spot and signed by its own CA, and talks TLS to the real server on its own.
type Squid struct {
	Addr    string         // "127.0.0.1:PORT"
	CA      *x509.CertPool // trusts the proxy's certificates: a computer IT gave its CA
	CAName  string         // the CA's common name (SquidCAName)
	LogFile string         // squid's access log
}

// URL is the proxy's URL.
func (p Squid) URL() *url.URL { return &url.URL{Scheme: "http", Host: p.Addr} }

// ManagedRoots are the CAs a managed PC trusts: the real ones (realCAFile's, a PEM file such
// as Nginx.CAFile) and the proxy's, which IT installed so that its inspection goes unnoticed.
func (p Squid) ManagedRoots(t testing.TB, realCAFile string) *x509.CertPool {
	t.Helper()
	b, err := os.ReadFile(realCAFile)
	if err != nil {
		t.Fatalf("reading the real CA: %v", err)
	}
	pool := p.CA.Clone()
	if !pool.AppendCertsFromPEM(b) {
		t.Fatalf("%s holds no certificate", realCAFile)
	}
	return pool
}

// Logged waits a moment for text to appear in the proxy's access log, which squid writes when
// a transaction ends (after the client has its answer), and reports whether it did. Without
// it the log's last lines follow on failure.
func (p Squid) Logged(t testing.TB, text string) bool {
	t.Helper()
	deadline := time.Now().Add(2 * time.Second)
	for {
		b, err := os.ReadFile(p.LogFile)
		if err != nil {
			t.Fatalf("reading squid's access log: %v", err)
		}
		if strings.Contains(string(b), text) {
			return true
		}
		if time.Now().After(deadline) {
			t.Logf("squid's access log, without %q:\n%s", text, b)
			return false
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// StartSquid starts squid in the foreground (squid -N) on a free loopback port with ssl_bump
// bumping every tunnel: its own CA (made for this test, its key in the test's directory) signs
// the certificates security_file_certgen makes, from a database of the test's own. Every file
// it reads or writes is in the test's temporary directory; it serves loopback only and stops
// when the test ends. Run as root, squid works as Debian's "proxy" user (it refuses to run as
// root), which is given the directory. It skips or fails t when squid (Debian's squid-openssl)
// is missing.
func StartSquid(t testing.TB, o SquidOptions) Squid {
	t.Helper()
	bin := Program(t, "squid")
	if _, err := os.Stat(squidCertgen); err != nil {
		Missing(t, "squid's security_file_certgen is not installed (Debian package squid-openssl)")
	}
	dir := t.TempDir()
	now := time.Now()
	ca, err := newTestCA(SquidCAName, now.Add(-time.Hour), now.Add(24*time.Hour))
	if err != nil {
		t.Fatalf("squid's CA: %v", err)
	}
	conf, err := writeSquidFiles(dir, ca, o)
	if err != nil {
		t.Fatal(err)
	}
	owner, err := squidOwner(dir)
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(squidCertgen, "-c", "-s", conf.db, "-M", "4MB").CombinedOutput(); err != nil {
		t.Fatalf("initialising squid's certificate database: %v\n%s", err, out)
	}
	if err := owner.give(dir); err != nil {
		t.Fatal(err)
	}
	p := Squid{CA: ca.pool(), CAName: SquidCAName, LogFile: filepath.Join(dir, "access.log")}
	var last string
	for attempt := 0; attempt < 3; attempt++ {
		port := freeTCPPort(t, false)
		p.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		text := conf.render(port, owner.name)
		path := filepath.Join(dir, "squid.conf")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatalf("writing squid.conf: %v", err)
		}
		var ok bool
		if ok, last = runSquid(t, bin, path, port); ok {
			return p
		}
		if !strings.Contains(last, "Address already in use") {
			break
		}
	}
	t.Fatalf("squid did not start; its output:\n%s", last)
	return Squid{}
}

// squidService names one squid: squid keeps shared memory segments named after its service
// (/dev/shm/NAME-*.shm) even in the foreground, and two squids of one name cannot both start,
// nor one after a killed one left them.
func squidService(port int) string {
	return fmt.Sprintf("sdtest%dp%d", os.Getpid(), port)
}

// runSquid starts squid with the configuration at path and waits for it to listen on port.
// It reports whether it did, and squid's output when not.
func runSquid(t testing.TB, bin, path string, port int) (bool, string) {
	t.Helper()
	service := squidService(port)
	cmd := exec.Command(bin, "-N", "-d", "1", "-n", service, "-f", path)
	log, exited := start(t, "squid", cmd)
	// squid takes seconds to shut down however it is asked (shutdown_lifetime has a floor),
	// and keeps nothing worth a clean exit: it is killed, and its certificate helpers end
	// with their input.
	kill := func() {
		_ = cmd.Process.Kill()
		<-exited
		segments, _ := filepath.Glob("/dev/shm/" + service + "-*")
		for _, s := range segments {
			_ = os.Remove(s)
		}
	}
	if err := waitTCP(port, exited); err != nil {
		kill()
		return false, err.Error() + "\n" + log.String()
	}
	t.Cleanup(kill)
	return true, ""
}

// squidConf is what squid.conf names: its files, and the origin CA it trusts.
type squidConf struct {
	dir, caCert, caKey, db, originCA string
}

// writeSquidFiles writes the proxy's CA (certificate and key, which squid signs with) and a
// copy of the origin CA into dir.
func writeSquidFiles(dir string, ca testCA, o SquidOptions) (squidConf, error) {
	c := squidConf{dir: dir, caCert: filepath.Join(dir, "ca.pem"), caKey: filepath.Join(dir, "ca.key"),
		db: filepath.Join(dir, "ssl_db")}
	if err := writePEM(c.caCert, "CERTIFICATE", ca.der); err != nil {
		return c, err
	}
	if err := writeKey(c.caKey, ca.key); err != nil {
		return c, err
	}
	if o.OriginCAFile != "" {
		b, err := os.ReadFile(o.OriginCAFile)
		if err != nil {
			return c, fmt.Errorf("squid's origin CA: %w", err)
		}
		c.originCA = filepath.Join(dir, "origin-ca.pem")
		if err := os.WriteFile(c.originCA, b, 0o600); err != nil {
			return c, fmt.Errorf("squid's origin CA: %w", err)
		}
	}
	return c, nil
}

// render is squid.conf for a proxy on port, running as user ("" when not started as root).
// It caches nothing, asks no name server (loopback has none; /etc/hosts names localhost), and
// serves loopback alone.
func (c squidConf) render(port int, user string) string {
	in := func(name string) string { return filepath.Join(c.dir, name) }
	lines := []string{
		fmt.Sprintf("http_port 127.0.0.1:%d ssl-bump tls-cert=%s tls-key=%s generate-host-certificates=on dynamic_cert_mem_cache_size=4MB",
			port, c.caCert, c.caKey),
		fmt.Sprintf("sslcrtd_program %s -s %s -M 4MB", squidCertgen, c.db),
		"sslcrtd_children 2 startup=1 idle=1",
		"ssl_bump bump all",
		"http_access allow localhost",
		"http_access deny all",
		"cache deny all",
		"cache_mem 8 MB",
		"dns_nameservers 127.0.0.1",
		"visible_hostname signin-doctor-test-proxy",
		"pinger_enable off",
		"netdb_filename none",
		"logfile_rotate 0",
		"shutdown_lifetime 0 seconds",
		"pid_filename " + in("squid.pid"),
		"cache_log " + in("cache.log"),
		"access_log stdio:" + in("access.log"),
		"coredump_dir " + c.dir,
	}
	if c.originCA != "" {
		lines = append(lines, "tls_outgoing_options cafile="+c.originCA)
	}
	if user != "" {
		lines = append(lines, "cache_effective_user "+user)
	}
	return strings.Join(lines, "\n") + "\n"
}

// squidUser is who squid works as: nobody to switch to when the test is not root; else
// Debian's "proxy" user, with the ids that own its files.
type squidUser struct {
	name     string
	uid, gid int
}

// squidOwner returns the user squid will work as, and lets it reach dir (the directories
// above a test's temporary directory are its owner's alone).
func squidOwner(dir string) (squidUser, error) {
	if os.Geteuid() != 0 {
		return squidUser{}, nil
	}
	u, err := user.Lookup("proxy")
	if err != nil {
		return squidUser{}, fmt.Errorf("squid runs as Debian's proxy user when started as root: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chmod(filepath.Dir(dir), 0o711); err != nil {
		return squidUser{}, fmt.Errorf("letting squid reach %s: %w", dir, err)
	}
	return squidUser{name: u.Username, uid: uid, gid: gid}, nil
}

// give hands every file under dir to the user, when there is one.
func (u squidUser) give(dir string) error {
	if u.name == "" {
		return nil
	}
	return filepath.WalkDir(dir, func(p string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(p, u.uid, u.gid)
	})
}
