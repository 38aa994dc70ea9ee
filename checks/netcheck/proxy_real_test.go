package netcheck

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// An office's forward proxy, for real: tinyproxy on loopback tunnels HTTPS (CONNECT) to nginx,
// as a proxy tunnels the sign-in host's and the echo services'. nginx cannot proxy CONNECT;
// these are the tests of the path every office's HTTPS takes.
func TestThroughARealProxy(t *testing.T) {
	web := peer.StartNginx(t, peer.NginxConfig{TLS: true, Server: `
location / { return 403 "sign-in needs a browser"; }
location = /ip { return 200 "` + honest4 + `\n"; }
location = /generate_204 { return 204; }`})
	open := peer.StartTinyproxy(t, peer.TinyproxyOptions{})
	locked := peer.StartTinyproxy(t, peer.TinyproxyOptions{User: "taro", Password: "s3cret-pw"})
	signIn := web.TLSURL("/")
	through := func(u *url.URL) network.ProxyFunc { return func(*http.Request) (*url.URL, error) { return u, nil } }

	t.Run("given a proxy then the sign-in host is reached through its tunnel", func(t *testing.T) {
		noLeaks(t)
		res := runReach(t, ReachOptions{Endpoints: []string{signIn}, Roots: web.CA, Proxy: through(open.URL("", ""))},
			netPrior{}, reachWant{status: checks.OK})
		ep := mustData(t, ReachFrom, res).Endpoints[0]
		if ep.Via != "http://"+open.Addr || ep.HTTPStatus != http.StatusForbidden {
			t.Errorf("endpoint %+v: want reached through %s, answered 403", ep, open.Addr)
		}
		if !strings.Contains(open.Log(t), "CONNECT") {
			t.Errorf("the proxy logged no tunnel:\n%s", open.Log(t))
		}
	})

	t.Run("given a proxy that wants a password and none then proxy-auth-required, 407", func(t *testing.T) {
		noLeaks(t)
		// This check does not sign in to proxies, and a browser may: warn, the proxy's demand
		// named, never "unreachable" or "offline".
		res := runReach(t, ReachOptions{Endpoints: []string{signIn}, Roots: web.CA, Proxy: through(locked.URL("", ""))},
			netPrior{}, reachWant{status: checks.Warn, reasons: []string{reasonProxyAuth},
				findings: []string{"proxy-auth-required endpoint=" + signIn + " proxy=http://" + locked.Addr}})
		ep := mustData(t, ReachFrom, res).Endpoints[0]
		if ep.Stage != "proxy" || ep.HTTPStatus != http.StatusProxyAuthRequired {
			t.Errorf("endpoint %+v: want stopped at the proxy with its 407", ep)
		}
	})

	t.Run("given a proxy that wants a password and the right one then reached", func(t *testing.T) {
		noLeaks(t)
		res := runReach(t, ReachOptions{Endpoints: []string{signIn}, Roots: web.CA, Proxy: through(locked.URL("taro", "s3cret-pw"))},
			netPrior{}, reachWant{status: checks.OK})
		if strings.Contains(res.Summary+res.Details["proxy"].(string), "s3cret-pw") {
			t.Error("the proxy's password is in the result")
		}
	})

	// The portal probe through a proxy that wants a password gets the proxy's 407 page: that
	// is no captive portal and no offline, it is the proxy asking.
	t.Run("given a proxy that wants a password then connectivity says so, not a captive portal", func(t *testing.T) {
		noLeaks(t)
		for _, tt := range []struct {
			proxy    *url.URL
			status   checks.Status
			findings []string
		}{
			{locked.URL("", ""), checks.Warn, []string{checks.FindingProxyAuthRequired}},
			{locked.URL("taro", "s3cret-pw"), checks.OK, nil},
		} {
			c := NewConnectivity(ConnectivityOptions{PortalURL: web.URL("/generate_204"), RouteTargets: loopbackRoute, Proxy: through(tt.proxy)})
			r := c.Run(t.Context(), netPrior{})
			if r.Status != tt.status || strings.Join(findingIDs(r), ",") != strings.Join(tt.findings, ",") {
				t.Errorf("through %s: %s %q, findings %v; want %s %v", tt.proxy.Redacted(), r.Status, r.Summary, findingIDs(r), tt.status, tt.findings)
			}
		}
	})

	t.Run("given a proxy then the public address comes through it", func(t *testing.T) {
		noLeaks(t)
		c := NewPublicIP(PublicIPOptions{URLs: []string{web.TLSURL("/ip"), web.TLSURL("/ip?2")},
			Client: func(nw string) *http.Client { return network.NewHTTPClient(nw, through(open.URL("", "")), web.CA) }})
		r := c.Run(t.Context(), netPrior{})
		if d := mustData(t, PublicIPFrom, r); d.IPv4 != honest4 {
			t.Errorf("%s %q: ipv4 %q, want %s through the proxy; sources %+v", r.Status, r.Summary, d.IPv4, honest4, d.Sources)
		}
	})
}

// A computer a day behind sees the sign-in host's good certificate as not yet valid, and one a
// day ahead sees it expired: that is evidence about this clock, its own finding (whose remedy
// is the clock), never interception or an unreachable host.
func TestReachCertificateOutOfDateByThisClock(t *testing.T) {
	tests := []struct {
		name   string
		shift  time.Duration
		reason string
	}{
		{"given a certificate valid from tomorrow then not yet valid", 25 * time.Hour, reasonCertNotYetValid},
		{"given a certificate that expired yesterday then expired", -49 * time.Hour, reasonCertExpired},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			web := peer.StartNginx(t, peer.NginxConfig{TLS: true, CertShift: tt.shift, Server: `location / { return 403; }`})
			started := time.Now()
			res := NewReach(ReachOptions{Endpoints: []string{web.TLSURL("/")}, Roots: web.CA, Proxy: direct}).Run(t.Context(), netPrior{})
			ep := mustData(t, ReachFrom, res).Endpoints[0]
			if res.Status != checks.Fail || ep.Reason != tt.reason || len(res.Findings) != 1 || res.Findings[0].ID != checks.FindingCertificateDateInvalid {
				t.Fatalf("%s %q, endpoint %+v, findings %v: want fail, %s, certificate-date-invalid", res.Status, res.Summary, ep, res.Findings, tt.reason)
			}
			// The window the finding names is the certificate's: an hour ago for a day, moved.
			from, err := time.Parse("2006-01-02 15:04 UTC", res.Findings[0].Params["not_before"])
			if want := started.Add(-time.Hour + tt.shift); err != nil || from.Sub(want).Abs() > 2*time.Minute {
				t.Errorf("not_before %q (%v), want about %s", res.Findings[0].Params["not_before"], err, want.UTC())
			}
			if ep.Certificate == nil || ep.Certificate.NotAfter == "" {
				t.Errorf("endpoint has no certificate window: %+v", ep)
			}
		})
	}
}
