package netcheck

import (
	"context"
	"net"
	"net/netip"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// portalPeers starts nginx as a captive-portal probe target and as the portals in its way.
func portalPeers(t *testing.T) *peer.Nginx {
	t.Helper()
	return peer.StartNginx(t, peer.NginxConfig{
		Server: `
location = /generate_204 { return 204; }
location = /login-redirect { return 302 http://portal.example/login; }
location = /login-page { default_type text/html; return 200 "<html><body>Accept the terms</body></html>"; }
location = /success { return 200 "success\n"; }
location = /close { return 444; }
location = /hang { ` + peer.NginxHang + ` }`,
		Echo: true,
	})
}

// loopbackRoute makes the route lookup ask for the route to the peers: the machine's own
// routes are not what these tests are about (the namespace tests are).
var loopbackRoute = []netip.Addr{netip.MustParseAddr("127.0.0.1")}

func TestConnectivityCaptivePortal(t *testing.T) {
	n := portalPeers(t)
	tests := []struct {
		name     string
		url      string
		body     string
		timeout  time.Duration
		status   checks.Status
		online   any // true, false, or nil: cannot tell
		findings []string
		params   map[string]string
		// connected: the portal's details must say a connection was made (checked when true).
		connected bool
	}{
		{name: "given the probe answers 204 then online", url: n.URL("/generate_204"),
			status: checks.OK, online: true},
		{name: "given a 302 to a login page then a captive portal", url: n.URL("/login-redirect"),
			status: checks.Fail, online: true, findings: []string{checks.FindingCaptivePortal},
			params: map[string]string{"url": n.URL("/login-redirect"), "status": "302", "location": "http://portal.example/login"}},
		{name: "given an HTML page instead of 204 then a captive portal", url: n.URL("/login-page"),
			status: checks.Fail, online: true, findings: []string{checks.FindingCaptivePortal},
			params: map[string]string{"url": n.URL("/login-page"), "status": "200"}},
		{name: "given a configured body when it comes then online", url: n.URL("/success"), body: "success",
			status: checks.OK, online: true},
		{name: "given a configured body when a page comes instead then a captive portal", url: n.URL("/login-page"), body: "success",
			status: checks.Fail, online: true, findings: []string{checks.FindingCaptivePortal},
			params: map[string]string{"url": n.URL("/login-page"), "status": "200"}},
		{name: "given a configured body when 204 comes then a captive portal", url: n.URL("/generate_204"), body: "success",
			status: checks.Fail, online: true, findings: []string{checks.FindingCaptivePortal},
			params: map[string]string{"url": n.URL("/generate_204"), "status": "204"}},
		// A connection accepted proves a path to the host: a hung or closing portal host is
		// a broken server, and calling it offline would stop every other network check.
		{name: "given the portal host accepts but never answers then cannot tell, not offline", url: n.URL("/hang"),
			timeout: 1500 * time.Millisecond, status: checks.Unknown, online: nil, connected: true},
		{name: "given the portal host accepts and closes without an answer then cannot tell, not offline", url: n.URL("/close"),
			status: checks.Unknown, online: nil, connected: true},
		{name: "given the probe never answers but its name resolves then cannot tell", url: n.HostURL("localhost", "/hang"),
			timeout: 1500 * time.Millisecond, status: checks.Unknown, online: nil},
		{name: "given a deadline too short to mean anything then cannot tell", url: n.URL("/hang"),
			timeout: 300 * time.Millisecond, status: checks.Unknown, online: nil},
		{name: "given the probe port refuses then cannot tell", url: "http://" + closedPort(t) + "/generate_204",
			status: checks.Unknown, online: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			c := NewConnectivity(ConnectivityOptions{
				PortalURL: tt.url, PortalBody: tt.body, Timeout: tt.timeout, RouteTargets: loopbackRoute,
			})
			start := time.Now()
			r := c.Run(t.Context(), netPrior{})
			if took, limit := time.Since(start), c.Spec().Timeout+200*time.Millisecond; took > limit {
				t.Errorf("took %s, past its timeout", took)
			}
			assertConnectivity(t, r, tt.status, tt.online, tt.findings, tt.params)
			if d, _ := ConnectivityFrom(r); tt.connected && (d.Portal == nil || !d.Portal.Connected) {
				t.Errorf("portal %+v, want it to say the connection was made", d.Portal)
			}
		})
	}
}

// assertConnectivity checks a connectivity result: its status, "online" (nil: absent), and
// its findings with the params of the first.
func assertConnectivity(t *testing.T, r checks.Result, status checks.Status, online any, findings []string, params map[string]string) {
	t.Helper()
	got, present := r.Details["online"]
	if r.Status != status || (online == nil && present) || (online != nil && got != online) {
		t.Fatalf("got %s online=%v (%s), want %s online=%v; details %+v", r.Status, got, r.Summary, status, online, r.Details)
	}
	ids := findingIDs(r)
	if len(ids) != len(findings) || (len(ids) > 0 && ids[0] != findings[0]) {
		t.Fatalf("findings %v, want %v", ids, findings)
	}
	for k, v := range params {
		if r.Findings[0].Params[k] != v {
			t.Errorf("param %s = %q, want %q (all: %v)", k, r.Findings[0].Params[k], v, r.Findings[0].Params)
		}
	}
}

// errNoResolver stands in for a resolver that is reachable but refuses to answer.
var errNoResolver = &net.DNSError{Err: "server misbehaving", Name: "portal.test", IsTemporary: true}

func TestConnectivityGoesThroughTheProxy(t *testing.T) {
	n := peer.StartNginx(t, peer.NginxConfig{
		Hosts: map[string]string{"portal.test": `location = /generate_204 { return 204; }`},
	})
	// portal.test is never resolved here: only the proxy can answer for it.
	tests := []struct {
		name   string
		proxy  string
		status checks.Status
		online any
	}{
		{"given a working proxy in the environment then online through it", n.URL(""), checks.OK, true},
		{"given a proxy on a closed port then cannot tell", "http://" + closedPort(t), checks.Unknown, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			for _, k := range []string{"HTTP_PROXY", "http_proxy"} {
				t.Setenv(k, tt.proxy)
			}
			t.Setenv("NO_PROXY", "")
			t.Setenv("no_proxy", "")
			c := NewConnectivity(ConnectivityOptions{
				PortalURL: "http://portal.test/generate_204", RouteTargets: loopbackRoute,
				// The name is the proxy's to resolve; this machine's resolver is not asked.
				LookupHost: func(context.Context, string) ([]string, error) { return nil, errNoResolver },
			})
			assertConnectivity(t, c.Run(t.Context(), netPrior{}), tt.status, tt.online, nil, nil)
		})
	}
}
