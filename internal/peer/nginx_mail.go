package peer

import (
	"crypto/x509"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// mailModule is where Debian's libnginx-mod-mail puts nginx's mail proxy module: real IMAP
// and SMTP servers as far as a client gets before signing in (greeting, EHLO, STARTTLS, TLS).
const mailModule = "/usr/lib/nginx/modules/ngx_mail_module.so"

// MailServer is nginx's mail module on 127.0.0.1: IMAP over TLS, SMTP over TLS, and SMTP that
// offers STARTTLS, the three ways a mail client reaches a provider. Its certificate is for
// localhost and 127.0.0.1, signed by a test CA made for this server alone.
type MailServer struct {
	IMAPSPort      int // "* OK" greeting after the TLS handshake (imaps://, 993)
	SMTPSPort      int // "220" greeting after the TLS handshake (smtps://, 465)
	SubmissionPort int // "220" greeting in the clear, then EHLO and STARTTLS (smtp://, 587)
	CA             *x509.CertPool
}

// StartMail starts the mail server and stops it when the test ends. Nobody can sign in: the
// authentication backend it names does not exist, and a client never gets that far. It skips
// or fails t (see package doc) when nginx or its mail module is missing.
func StartMail(t testing.TB) *MailServer {
	t.Helper()
	bin := Program(t, "nginx")
	if _, err := os.Stat(mailModule); err != nil {
		Missing(t, "the nginx mail module is not installed (Debian package libnginx-mod-mail)")
	}
	dir := t.TempDir()
	ca, files, err := writeTestCA(dir, []string{"localhost", "127.0.0.1"}, 0)
	if err != nil {
		t.Fatalf("mail test CA: %v", err)
	}
	m := &MailServer{CA: ca}
	var lastLog, conf string
	for range 3 {
		m.IMAPSPort, m.SMTPSPort, m.SubmissionPort = freeTCPPort(t, false), freeTCPPort(t, false), freeTCPPort(t, false)
		conf = mailConf(dir, m, files)
		path := filepath.Join(dir, "nginx.conf")
		if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
			t.Fatalf("writing the mail nginx.conf: %v", err)
		}
		cmd := exec.Command(bin, "-p", dir, "-c", path, "-e", "stderr")
		log, exited := start(t, "nginx for mail", cmd)
		if waitTCP(m.IMAPSPort, exited) == nil && waitTCP(m.SMTPSPort, exited) == nil && waitTCP(m.SubmissionPort, exited) == nil {
			t.Cleanup(func() { stop(cmd, exited) })
			return m
		}
		stop(cmd, exited)
		if lastLog = log.String(); !strings.Contains(lastLog, "Address already in use") {
			break
		}
	}
	t.Fatalf("nginx (mail) did not start; its log:\n%s\nits configuration:\n%s", lastLog, conf)
	return nil
}

// mailConf renders the configuration: one process, everything in dir, nothing of this
// machine's nginx touched.
func mailConf(dir string, m *MailServer, tls tlsFiles) string {
	return fmt.Sprintf(`daemon off;
master_process off;
pid %s;
error_log stderr warn;
load_module %s;
events { worker_connections 64; }
mail {
  server_name localhost;
  auth_http 127.0.0.1:9/no-sign-in;
  ssl_certificate %s;
  ssl_certificate_key %s;
  server { listen 127.0.0.1:%d ssl; protocol imap; }
  server { listen 127.0.0.1:%d ssl; protocol smtp; }
  server { listen 127.0.0.1:%d; protocol smtp; starttls only; }
}
`, filepath.Join(dir, "nginx.pid"), mailModule, tls.cert, tls.key, m.IMAPSPort, m.SMTPSPort, m.SubmissionPort)
}
