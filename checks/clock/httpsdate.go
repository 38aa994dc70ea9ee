package clock

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/network"
)

// dateResolution is the Date header's resolution; the error bound counts it whole, since the
// header is the server's clock truncated to the second and that clock has its own error.
const dateResolution = time.Second

// defaultHTTPClient goes through the system proxy, as the sign-in itself does, with the
// client the network checks share.
func defaultHTTPClient() *http.Client {
	return network.NewHTTPClient("tcp", network.SystemProxy(), nil)
}

// httpsDate measures the offset from the Date header of one HEAD request to rawURL. The
// round trip is timed from the request written to the first response byte, so the TLS
// handshake (and a proxy's CONNECT) does not widen the bound.
//
// A certificate that fails by its dates alone (not yet valid, or expired, by this computer's
// clock) is what a clock far off sees of a good host, as browsers tell ("your clock is
// behind"). Then the host is asked again, its certificate verified in full but at a time
// within its own validity, and its Date is used only if it falls within that validity too:
// the host's clock and its certificate agree, and this computer's clock is the one off.
func httpsDate(ctx context.Context, client *http.Client, rawURL string, now func() time.Time) (measurement, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return measurement{}, fmt.Errorf("the HTTPS Date fallback needs an https:// URL, not %q", rawURL)
	}
	m, err := dateOnce(ctx, client, u, now)
	var certErr *tls.CertificateVerificationError
	if err == nil || !errors.As(err, &certErr) || !datesOnly(certErr) {
		return m, err
	}
	lenient, ok := atCertificateTime(client)
	if !ok {
		return m, err
	}
	m2, err2 := dateOnce(ctx, lenient, u, now)
	leaf := certErr.UnverifiedCertificates[0]
	if err2 != nil {
		return m, err
	}
	if serverTime := now().Add(m2.Offset); serverTime.Before(leaf.NotBefore) || serverTime.After(leaf.NotAfter) {
		return m, fmt.Errorf("%w; and the host's own Date is outside its certificate's validity too", err)
	}
	m2.Note = fmt.Sprintf("the certificate of %s is valid from %s to %s: not by this computer's clock, by the host's",
		u.Host, leaf.NotBefore.UTC().Format(time.RFC3339), leaf.NotAfter.UTC().Format(time.RFC3339))
	return m2, nil
}

// datesOnly reports whether a certificate failed verification for its dates. crypto/x509
// checks the dates before the chain and the name, so the retry (atCertificateTime) verifies
// those in full: an untrusted or misnamed certificate still fails there.
func datesOnly(certErr *tls.CertificateVerificationError) bool {
	var invalid x509.CertificateInvalidError
	return len(certErr.UnverifiedCertificates) > 0 && errors.As(certErr.Err, &invalid) && invalid.Reason == x509.Expired
}

// atCertificateTime returns client with its certificate check done at a moment the server's
// own certificate is valid: the chain, the roots and the name are verified as ever.
func atCertificateTime(client *http.Client) (*http.Client, bool) {
	tr, ok := client.Transport.(*http.Transport)
	if !ok {
		return nil, false
	}
	tr = tr.Clone()
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if tr.TLSClientConfig != nil {
		cfg = tr.TLSClientConfig.Clone()
	}
	roots := cfg.RootCAs
	cfg.InsecureSkipVerify = true // replaced by VerifyConnection, which skips nothing but the clock
	cfg.VerifyConnection = func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return errors.New("the server sent no certificate")
		}
		leaf := cs.PeerCertificates[0]
		intermediates := x509.NewCertPool()
		for _, c := range cs.PeerCertificates[1:] {
			intermediates.AddCert(c)
		}
		at := leaf.NotBefore.Add(leaf.NotAfter.Sub(leaf.NotBefore) / 2)
		_, err := leaf.Verify(x509.VerifyOptions{DNSName: cs.ServerName, Roots: roots, Intermediates: intermediates, CurrentTime: at})
		return err
	}
	tr.TLSClientConfig = cfg
	lenient := *client
	lenient.Transport = tr
	return &lenient, true
}

// dateOnce asks u for its Date once with client.
func dateOnce(ctx context.Context, client *http.Client, u *url.URL, now func() time.Time) (measurement, error) {
	var times roundTrip
	trace := &httptrace.ClientTrace{
		WroteRequest:         func(httptrace.WroteRequestInfo) { times.mark(&times.sent, now()) },
		GotFirstResponseByte: func() { times.mark(&times.got, now()) },
	}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodHead, u.String(), nil)
	if err != nil {
		return measurement{}, fmt.Errorf("HTTPS Date request to %s: %w", u.Host, err)
	}
	// A redirect's Date is as good as the final page's, and following it costs a round trip.
	noRedirect := *client
	noRedirect.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	// The transport goes on dialling for a request given up (offline, the deadline), to keep
	// the connection for the next one; there is none, and the dial must not outlive the check.
	defer noRedirect.CloseIdleConnections()
	start := now()
	resp, err := noRedirect.Do(req)
	end := now()
	if err != nil {
		return measurement{}, fmt.Errorf("HTTPS Date from %s: %w", u.Host, err)
	}
	_ = resp.Body.Close()
	header := resp.Header.Get("Date")
	if header == "" {
		return measurement{}, fmt.Errorf("HTTPS Date from %s: the answer (%s) has no Date header", u.Host, resp.Status)
	}
	serverTime, err := http.ParseTime(header)
	if err != nil {
		return measurement{}, fmt.Errorf("HTTPS Date from %s: %w", u.Host, err)
	}
	sent, got := times.span(start, end)
	rtt := got.Sub(sent)
	// The header truncates the server's clock: its second began at serverTime, so the middle
	// of that second is the best estimate of when it was written, at the middle of the trip.
	offset := serverTime.Add(dateResolution / 2).Sub(sent.Add(rtt / 2))
	return measurement{Offset: offset, Error: dateResolution + rtt/2, RTT: rtt,
		Server: u.Host, Method: MethodHTTPSDate}, nil
}

// roundTrip holds the times the HTTP trace reports; the transport calls its hooks from its own
// goroutines.
type roundTrip struct {
	mu        sync.Mutex
	sent, got time.Time
}

func (r *roundTrip) mark(field *time.Time, t time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	*field = t
}

// span returns when the request was written and the answer began, or start and end where the
// transport did not report them.
func (r *roundTrip) span(start, end time.Time) (sent, got time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	sent, got = r.sent, r.got
	if sent.IsZero() || got.IsZero() || got.Before(sent) {
		return start, end
	}
	return sent, got
}

// dateOutcome is the HTTPS fallback's line in the details' "servers" list.
func dateOutcome(rawURL string, m measurement, err error) ServerOutcome {
	out := ServerOutcome{Server: rawURL, Method: MethodHTTPSDate, Outcome: OutcomeUsed}
	if err != nil {
		out.Outcome, out.Error = OutcomeNoAnswer, err.Error()
		if errors.Is(err, context.DeadlineExceeded) {
			out.Error = "no answer before the deadline: " + err.Error()
		}
		return out
	}
	out.OffsetMS, out.ErrorMS, out.RTTMS = msPtr(m.Offset), msPtr(m.Error), msPtr(m.RTT)
	out.Note = m.Note
	return out
}
