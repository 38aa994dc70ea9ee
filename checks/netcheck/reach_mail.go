package netcheck

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"net/url"
	"strings"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/network"
)

// mailReadLimit bounds what a mail server may send before the check stops listening: a
// greeting and an EHLO answer fit many times over.
const mailReadLimit = 16 << 10

// mailPort is the endpoint's port, or its scheme's.
func mailPort(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "imaps":
		return "993"
	case "smtps":
		return "465"
	}
	return "587"
}

// probeMail reaches a mail server directly (mail clients do not use the web proxy): for imaps
// and smtps a TLS handshake and the server's greeting; for smtp the greeting in the clear,
// EHLO, STARTTLS and the TLS handshake. It stops before signing in.
func (c *Reach) probeMail(ctx context.Context, u *url.URL, res *EndpointResult) {
	conn, err := network.DialOr(c.opts.Dial)(ctx, "tcp", net.JoinHostPort(u.Hostname(), res.port))
	if err != nil {
		fail(res, "tcp", err)
		return
	}
	defer conn.Close()
	// A server that stays silent is cut off at the endpoint's deadline or when ctx ends.
	if d, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(d)
	}
	stopWatch := context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	defer stopWatch()

	cfg := &tls.Config{ServerName: u.Hostname(), RootCAs: c.opts.Roots, MinVersion: tls.VersionTLS12}
	scheme := strings.ToLower(u.Scheme)
	if scheme == "smtp" {
		if err := startTLS(conn); err != nil {
			fail(res, "mail", err)
			res.Reason = mailReason(err, res.Reason)
			return
		}
	}
	tc := tls.Client(conn, cfg)
	if err := tc.HandshakeContext(ctx); err != nil {
		fail(res, "tls", err)
		return
	}
	if scheme != "smtp" {
		if err := readGreeting(newMailReader(tc), scheme); err != nil {
			fail(res, "mail", err)
			res.Reason = mailReason(err, res.Reason)
			return
		}
	}
	res.OK = true
}

// mailError is a mail-protocol failure with a reason of its own (bad-greeting, no-starttls).
type mailError struct{ reason, msg string }

func (e *mailError) Error() string { return e.msg }

func mailReason(err error, fallback string) string {
	var me *mailError
	if errors.As(err, &me) {
		return me.reason
	}
	return fallback
}

func newMailReader(r io.Reader) *textproto.Reader {
	return textproto.NewReader(bufio.NewReader(io.LimitReader(r, mailReadLimit)))
}

// readGreeting reads an IMAP ("* OK", "* PREAUTH") or SMTP ("220") greeting.
func readGreeting(r *textproto.Reader, scheme string) error {
	if scheme == "imaps" {
		line, err := r.ReadLine()
		if err != nil {
			return fmt.Errorf("reading the IMAP greeting: %w", err)
		}
		if !strings.HasPrefix(line, "* OK") && !strings.HasPrefix(line, "* PREAUTH") {
			return &mailError{reasonGreeting, fmt.Sprintf("IMAP greeting %q", truncate(line))}
		}
		return nil
	}
	if _, msg, err := r.ReadResponse(220); err != nil {
		return smtpError("greeting", msg, err)
	}
	return nil
}

// startTLS speaks SMTP on conn up to the server's go-ahead for the TLS handshake.
func startTLS(conn net.Conn) error {
	r := newMailReader(conn)
	if err := readGreeting(r, "smtp"); err != nil {
		return err
	}
	helo := "[127.0.0.1]"
	if a, ok := conn.LocalAddr().(*net.TCPAddr); ok {
		helo = "[" + a.IP.String() + "]"
		if a.IP.To4() == nil {
			helo = "[IPv6:" + a.IP.String() + "]"
		}
	}
	if _, err := fmt.Fprintf(conn, "EHLO %s\r\n", helo); err != nil {
		return fmt.Errorf("sending EHLO: %w", err)
	}
	_, msg, err := r.ReadResponse(250)
	if err != nil {
		return smtpError("EHLO", msg, err)
	}
	if !hasExtension(msg, "STARTTLS") {
		return &mailError{reasonNoStartTLS, "the server does not offer STARTTLS"}
	}
	if _, err := io.WriteString(conn, "STARTTLS\r\n"); err != nil {
		return fmt.Errorf("sending STARTTLS: %w", err)
	}
	if _, msg, err := r.ReadResponse(220); err != nil {
		return smtpError("STARTTLS", msg, err)
	}
	return nil
}

// smtpError keeps a network error as it is (a timeout stays a timeout) and turns a wrong
// reply code into a protocol failure.
func smtpError(step, msg string, err error) error {
	var pe *textproto.Error
	if errors.As(err, &pe) {
		return &mailError{reasonGreeting, fmt.Sprintf("SMTP %s answered %q: %v", step, truncate(msg), err)}
	}
	return fmt.Errorf("SMTP %s: %w", step, err)
}

func hasExtension(ehlo, ext string) bool {
	for _, line := range strings.Split(ehlo, "\n") {
		if f := strings.Fields(line); len(f) > 0 && strings.EqualFold(f[0], ext) {
			return true
		}
	}
	return false
}

func truncate(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
