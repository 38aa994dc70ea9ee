package clock

import (
	"crypto/tls"
	"crypto/x509"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// skewedHTTPS starts nginx with TLS under faketime, so its Date header runs offset from this
// machine's clock, and returns its URL and a client that trusts its test CA.
func skewedHTTPS(t *testing.T, offset time.Duration) (string, *http.Client) {
	t.Helper()
	n := peer.StartNginx(t, peer.NginxConfig{
		Server: "location / { return 204; }",
		TLS:    true,
		Env:    peer.FakeTimeEnv(t, offset),
	})
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: n.CA}}}
	t.Cleanup(client.CloseIdleConnections)
	return n.TLSURL("/"), client
}

func TestHTTPSDateFallbackWhenNTPIsSilent(t *testing.T) {
	silent := startResponder(t, func([]byte) []byte { return nil })
	tests := []struct {
		name      string
		serverIs  time.Duration
		want      checks.Status
		direction string
	}{
		{"given NTP silent and a sign-in host 40 s ahead then fail from its Date", 40 * time.Second, checks.Fail, "behind"},
		{"given NTP silent and a sign-in host 15 s behind then warn from its Date", -15 * time.Second, checks.Warn, "ahead"},
		{"given NTP silent and a sign-in host on time then ok from its Date", 0, checks.OK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url, client := skewedHTTPS(t, tt.serverIs)
			c := New(Options{Servers: []string{silent.Addr()}, DateURL: url, HTTPClient: client, NTPWait: 300 * time.Millisecond})
			r := run(t, c, nil)
			if r.Status != tt.want || r.Details["method"] != MethodHTTPSDate {
				t.Fatalf("status %s method %v, want %s by https-date: %s %v", r.Status, r.Details["method"], tt.want, r.Summary, r.Details)
			}
			offset, bound := r.Details["offset_ms"].(float64), r.Details["error_ms"].(float64)
			if bound < 1000 {
				t.Errorf("error_ms %v is below the Date header's one-second resolution", bound)
			}
			if diff := math.Abs(offset - ms(tt.serverIs)); diff > bound {
				t.Errorf("offset_ms %v is %v ms from the true %v, outside its error bound ±%v ms", offset, diff, ms(tt.serverIs), bound)
			}
			if f, ok := findings(r)[checks.FindingClockSkew]; ok != (tt.want != checks.OK) || (ok && f.Params["direction"] != tt.direction) {
				t.Errorf("clock-skew %v %+v, want direction %q", ok, f, tt.direction)
			}
			o := outcomes(t, r)
			if last := o[len(o)-1]; last.Method != MethodHTTPSDate || last.Outcome != OutcomeUsed || o[0].Outcome != OutcomeNoAnswer {
				t.Errorf("outcomes %+v, want the silent NTP server then the used https-date", o)
			}
		})
	}
}

func TestHTTPSDateIsNotAskedWhenNTPAnswers(t *testing.T) {
	ntpSrv := startResponder(t, ntpReply{}.answer)
	url, client := skewedHTTPS(t, time.Hour)
	r := run(t, New(Options{Servers: []string{ntpSrv.Addr()}, DateURL: url, HTTPClient: client}), nil)
	if r.Status != checks.OK || r.Details["method"] != MethodNTP {
		t.Fatalf("status %s method %v, want ok by ntp: %s", r.Status, r.Details["method"], r.Summary)
	}
	if o := outcomes(t, r); len(o) != 1 {
		t.Errorf("outcomes %+v, want the NTP server alone", o)
	}
}

func TestHTTPSDateRejectsPlainHTTP(t *testing.T) {
	r := run(t, New(Options{Servers: []string{closedAddr(t, "udp")}, DateURL: "http://" + closedAddr(t, "tcp") + "/"}), nil)
	if r.Status != checks.Unknown {
		t.Fatalf("status %s, want unknown: %s", r.Status, r.Summary)
	}
	o := outcomes(t, r)
	if last := o[len(o)-1]; last.Method != MethodHTTPSDate || last.Outcome != OutcomeNoAnswer {
		t.Errorf("outcome %+v, want the https-date fallback refused", last)
	}
}

// Offices block UDP 123 and send the web through a proxy: the HTTPS Date fallback must come
// through the proxy's tunnel (tinyproxy, CONNECT) and still measure the offset.
func TestHTTPSDateThroughARealProxy(t *testing.T) {
	const ahead = 40 * time.Second
	n := peer.StartNginx(t, peer.NginxConfig{Server: "location / { return 204; }", TLS: true, Env: peer.FakeTimeEnv(t, ahead)})
	proxy := peer.StartTinyproxy(t, peer.TinyproxyOptions{})
	client := network.NewHTTPClient("tcp", func(*http.Request) (*url.URL, error) { return proxy.URL("", ""), nil }, n.CA)
	c := New(Options{Servers: []string{closedAddr(t, "udp")}, DateURL: n.TLSURL("/"), HTTPClient: client, NTPWait: 300 * time.Millisecond})
	r := run(t, c, nil)
	offset, known := OffsetFrom(r)
	if !known || r.Details["method"] != MethodHTTPSDate || (offset-ahead).Abs() > 2*time.Second {
		t.Fatalf("%s %q: offset %v (known %v) by %v, want about %v by https-date", r.Status, r.Summary, offset, known, r.Details["method"], ahead)
	}
	if !strings.Contains(proxy.Log(t), "CONNECT") {
		t.Errorf("the proxy logged no tunnel:\n%s", proxy.Log(t))
	}
}

// A computer a day behind sees the sign-in host's good certificate as not yet valid, and one a
// day ahead sees it expired: the HTTPS Date fallback must still read the host's clock (its
// certificate verified as ever, at a time it is valid) and say how far this clock is off. A
// host whose own clock disagrees with its certificate proves nothing.
func TestHTTPSDateWhenTheCertificateIsInvalidByThisClock(t *testing.T) {
	const day = 25 * time.Hour
	tests := []struct {
		name                string
		certShift, hostSays time.Duration // the certificate's window and the host's clock, from this machine's
		untrusted           bool          // the client does not trust the host's CA (an interceptor's)
		known               bool
	}{
		{"given this computer a day behind then the offset from the host's Date", day, day, false, true},
		{"given this computer two days ahead then the offset from the host's Date", -2 * day, -2 * day, false, true},
		{"given a certificate not yet valid by the host's own clock either then unknown", day, 0, false, false},
		{"given an untrusted certificate out of date too then unknown: only the dates are forgiven", day, day, true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := peer.StartNginx(t, peer.NginxConfig{Server: "location / { return 204; }", TLS: true,
				CertShift: tt.certShift, Env: peer.FakeTimeEnv(t, tt.hostSays)})
			roots := n.CA
			if tt.untrusted {
				roots = x509.NewCertPool()
			}
			client := network.NewHTTPClient("tcp", func(*http.Request) (*url.URL, error) { return nil, nil }, roots)
			c := New(Options{Servers: []string{closedAddr(t, "udp")}, DateURL: n.TLSURL("/"), HTTPClient: client, NTPWait: 300 * time.Millisecond})
			r := run(t, c, nil)
			offset, known := OffsetFrom(r)
			if known != tt.known || (known && (offset-tt.hostSays).Abs() > 2*time.Second) {
				t.Fatalf("%s %q: offset %v (known %v), want known %v and about %v", r.Status, r.Summary, offset, known, tt.known, tt.hostSays)
			}
			o := outcomes(t, r)
			last := o[len(o)-1]
			if tt.known && (r.Status != checks.Fail || !strings.Contains(last.Note, "certificate")) {
				t.Errorf("%s, outcome %+v: want fail, and the certificate named in the note", r.Status, last)
			}
			if !tt.known && (r.Status != checks.Unknown || !strings.Contains(last.Error, "certificate")) {
				t.Errorf("%s, outcome %+v: want unknown, with the certificate's error", r.Status, last)
			}
		})
	}
}
