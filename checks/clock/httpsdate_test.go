package clock

import (
	"crypto/tls"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/internal/peer"
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
