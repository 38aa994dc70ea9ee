package peer

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"
)

// TestStartMail speaks to each port as a mail client would, up to the TLS handshake.
func TestStartMail(t *testing.T) {
	m := StartMail(t)
	cfg := &tls.Config{RootCAs: m.CA, ServerName: "localhost"}
	for _, tc := range []struct {
		name     string
		port     int
		greeting string
	}{
		{"given IMAPS then the TLS port greets with * OK", m.IMAPSPort, "* OK"},
		{"given SMTPS then the TLS port greets with 220", m.SMTPSPort, "220 "},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := tls.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", tc.port), cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			_ = c.SetDeadline(time.Now().Add(5 * time.Second))
			if line, err := bufio.NewReader(c).ReadString('\n'); err != nil || !strings.HasPrefix(line, tc.greeting) {
				t.Fatalf("greeting %q, %v; want %q", line, err, tc.greeting)
			}
		})
	}
	t.Run("given submission then STARTTLS is offered and leads to a TLS handshake", func(t *testing.T) {
		c, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", m.SubmissionPort))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		_ = c.SetDeadline(time.Now().Add(5 * time.Second))
		r := bufio.NewReader(c)
		var said []string
		read := func() string {
			line, _ := r.ReadString('\n')
			said = append(said, line)
			return line
		}
		read()
		fmt.Fprintf(c, "EHLO [127.0.0.1]\r\n")
		for line := read(); strings.HasPrefix(line, "250-"); line = read() {
		}
		fmt.Fprintf(c, "STARTTLS\r\n")
		if line := read(); !strings.HasPrefix(line, "220") || !strings.Contains(strings.Join(said, ""), "STARTTLS") {
			t.Fatalf("the dialogue was %q", said)
		}
		if err := tls.Client(c, cfg).Handshake(); err != nil {
			t.Fatalf("TLS after STARTTLS: %v", err)
		}
	})
}
