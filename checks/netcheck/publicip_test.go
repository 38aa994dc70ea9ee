package netcheck

import (
	"context"
	"net"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// Addresses the echo peers answer: public-looking on purpose (see nonPublic); they are only
// text, and no packet goes to them.
const (
	honest4 = "1.2.3.4"
	honest6 = "2a02:1::5"
	liar4   = "5.6.7.8"
)

// echoPeers starts nginx as every kind of IP echo service, on 127.0.0.1 and [::1].
func echoPeers(t *testing.T) *peer.Nginx {
	t.Helper()
	return peer.StartNginx(t, peer.NginxConfig{
		HTTP: `map $server_addr $honest { default "` + honest4 + `"; "::1" "` + honest6 + `"; }`,
		Server: `
location ~ ^/honest { return 200 "$honest\n"; }
location = /liar { return 200 "` + liar4 + `\n"; }
location = /html { default_type text/html; return 200 "<html><body>Your IP is ` + honest4 + `</body></html>"; }
location = /error { return 503 "` + honest4 + `\n"; }
location = /redirect { return 302 /honest; }
location = /private { return 200 "192.168.1.10\n"; }
location = /documentation { return 200 "203.0.113.7\n"; }
location = /hang { ` + peer.NginxHang + ` }`,
		Hosts: map[string]string{"echo.test": `location / { return 200 "` + honest4 + `\n"; }`},
		// A valid first line, then a megabyte: only a reader that bounds the body rejects it.
		Files: map[string]string{"huge": honest4 + "\n" + strings.Repeat("x", 1<<20)},
		IPv6:  true,
		Echo:  true,
	})
}

func TestPublicIPAgainstEchoPeers(t *testing.T) {
	n := echoPeers(t)
	closed := "http://" + closedPort(t)
	v4 := func(path string) string { return n.URL(path) }
	v6 := func(path string) string { return n.HostURL("[::1]", path) }
	tests := []struct {
		name     string
		urls     []string
		status   checks.Status
		ipv4     string
		ipv6     string
		agree4   string
		findings []string
		// badSources are the URLs whose every answer must be an error, not an address.
		badSources []string
	}{
		{
			name:   "given honest sources in both families then both addresses, unanimous",
			urls:   []string{v4("/honest1"), v4("/honest2"), v4("/honest3"), v6("/honest1"), v6("/honest2"), v6("/honest3")},
			status: checks.OK, ipv4: honest4, ipv6: honest6, agree4: agreeUnanimous,
		},
		{
			name:   "given one lying source of three then the majority wins and the disagreement is found",
			urls:   []string{v4("/honest1"), v4("/honest2"), v4("/liar")},
			status: checks.Warn, ipv4: honest4, agree4: agreeMajority,
			findings: []string{checks.FindingIPSourcesDisagree},
		},
		{
			name:   "given one honest and one lying source then no winner and the disagreement is found",
			urls:   []string{v4("/honest1"), v4("/liar")},
			status: checks.Warn, agree4: agreeSplit,
			findings: []string{checks.FindingIPSourcesDisagree},
		},
		{
			name: "given an HTML page, a 5xx, a redirect, a huge body, private and documentation answers and a hang then only the honest source counts",
			urls: []string{v4("/honest1"), v4("/html"), v4("/error"), v4("/redirect"), v4("/huge"),
				v4("/private"), v4("/documentation"), v4("/hang")},
			status: checks.OK, ipv4: honest4, agree4: agreeSingle,
			badSources: []string{v4("/html"), v4("/error"), v4("/redirect"), v4("/huge"),
				v4("/private"), v4("/documentation"), v4("/hang")},
		},
		{
			name:       "given only sources that give no answer then unknown",
			urls:       []string{v4("/html"), v4("/error"), v4("/huge"), v4("/hang")},
			status:     checks.Unknown,
			agree4:     agreeNone,
			badSources: []string{v4("/html"), v4("/error"), v4("/huge"), v4("/hang")},
		},
		{
			name:       "given a closed port then unknown",
			urls:       []string{closed},
			status:     checks.Unknown,
			agree4:     agreeNone,
			badSources: []string{closed},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			const timeout = 1500 * time.Millisecond
			c := NewPublicIP(PublicIPOptions{URLs: tt.urls, Timeout: timeout})
			start := time.Now()
			r := c.Run(t.Context(), netPrior{})
			if took := time.Since(start); took > timeout+200*time.Millisecond {
				t.Errorf("took %s, past its %s timeout", took, timeout)
			}
			if r.Status != tt.status {
				t.Fatalf("status %s (%s), want %s; details %+v", r.Status, r.Summary, tt.status, r.Details)
			}
			if r.Status == checks.Unknown {
				return
			}
			if r.Details["ipv4"] != tt.ipv4 || r.Details["ipv6"] != tt.ipv6 {
				t.Errorf("ipv4 %q ipv6 %q, want %q %q", r.Details["ipv4"], r.Details["ipv6"], tt.ipv4, tt.ipv6)
			}
			if got := mustData(t, PublicIPFrom, r).Agreement[ipv4]; got != tt.agree4 {
				t.Errorf("ipv4 agreement %q, want %q", got, tt.agree4)
			}
			if got := findingIDs(r); !slices.Equal(got, tt.findings) {
				t.Errorf("findings %v, want %v", got, tt.findings)
			}
			assertSources(t, r, tt.urls, tt.badSources)
		})
	}
}

// assertSources checks that every source asked is in the details, once per family, and that
// the bad ones carry an error and no address.
func assertSources(t *testing.T, r checks.Result, urls, bad []string) {
	t.Helper()
	sources := mustData(t, PublicIPFrom, r).Sources
	if len(sources) != 2*len(urls) {
		t.Fatalf("%d source answers for %d URLs, want one per URL and family", len(sources), len(urls))
	}
	for _, s := range sources {
		if s.Address == "" && s.Error == "" {
			t.Errorf("source %s (%s) has neither an address nor an error", s.URL, s.Family)
		}
		if slices.Contains(bad, s.URL) && s.Address != "" {
			t.Errorf("source %s (%s) counted %s; want no answer", s.URL, s.Family, s.Address)
		}
	}
}

// closedPort returns a loopback address ("127.0.0.1:port") where nothing listens.
func closedPort(t *testing.T) string {
	t.Helper()
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(peer.ClosedPort(t)))
}

func TestPublicIPGoesThroughTheProxy(t *testing.T) {
	n := echoPeers(t)
	// echo.test is never resolved: only a proxy can reach it, so an answer proves the proxy
	// was used, and a dead proxy leaves no way around it.
	tests := []struct {
		name   string
		proxy  string
		status checks.Status
		ipv4   string
	}{
		{"given a working proxy in the environment then sources answer through it", n.URL(""), checks.OK, honest4},
		{"given a proxy on a closed port then every source fails and the check is unknown", "http://" + closedPort(t), checks.Unknown, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			noLeaks(t)
			for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"} {
				t.Setenv(k, tt.proxy)
			}
			t.Setenv("NO_PROXY", "")
			t.Setenv("no_proxy", "")
			c := NewPublicIP(PublicIPOptions{URLs: []string{"http://echo.test/a", "http://echo.test/b"}, Timeout: 2 * time.Second})
			r := c.Run(t.Context(), netPrior{})
			if r.Status != tt.status {
				t.Fatalf("status %s (%s), want %s; details %+v", r.Status, r.Summary, tt.status, r.Details)
			}
			for _, s := range mustData(t, PublicIPFrom, r).Sources {
				if tt.status == checks.Unknown && !strings.Contains(s.Error, "proxyconnect") {
					t.Errorf("source %s (%s): error %q, want a failure to connect to the proxy", s.URL, s.Family, s.Error)
				}
			}
			if tt.ipv4 != "" && r.Details["ipv4"] != tt.ipv4 {
				t.Errorf("ipv4 %q, want %q", r.Details["ipv4"], tt.ipv4)
			}
		})
	}
}

func TestPublicIPWhenOfflineAsksNobody(t *testing.T) {
	n := echoPeers(t)
	prior := netPrior{checks.Connectivity: verdict(false)}
	c := NewPublicIP(PublicIPOptions{URLs: []string{n.URL("/hang")}})
	ctx, cancel := context.WithTimeout(t.Context(), 200*time.Millisecond)
	defer cancel()
	r := c.Run(ctx, prior)
	if r.Status != checks.Unknown || r.Summary != "offline" || r.Details["sources"] != nil {
		t.Fatalf("got %s %q %v, want unknown \"offline\" without asking", r.Status, r.Summary, r.Details)
	}
}

func TestPublicIPDoesNotWaitForAHangOnceTheVoteIsSettled(t *testing.T) {
	noLeaks(t)
	n := echoPeers(t)
	// A deadline far off: the hanging source must be cut off because the vote no longer
	// needs it, not because time ran out.
	c := NewPublicIP(PublicIPOptions{URLs: []string{n.URL("/honest1"), n.URL("/honest2"), n.URL("/hang")}, Timeout: time.Minute})
	r := c.Run(t.Context(), netPrior{})
	if r.Status != checks.OK || r.Details["ipv4"] != honest4 {
		t.Fatalf("got %s %q, want ok with %s", r.Status, r.Summary, honest4)
	}
	for _, s := range mustData(t, PublicIPFrom, r).Sources {
		if s.URL == n.URL("/hang") && s.Family == ipv4 && s.Error != errVoteSettled.Error() {
			t.Fatalf("the hanging source: %+v, want it cut off once the vote was settled", s)
		}
	}
}
