package netcheck

import (
	"net/netip"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// networkChecks are the checks of this file's runs, configured as shipped except that the
// allowlist applies; the engine runs them as `signin-doctor check` does.
func networkChecks(portal string) []checks.Check {
	return []checks.Check{
		NewConnectivity(ConnectivityOptions{PortalURL: portal}),
		NewPublicIP(PublicIPOptions{URLs: []string{"https://api.ipify.org", "https://icanhazip.com", "https://checkip.amazonaws.com"}}),
		NewAllowlist(AllowlistOptions{Networks: []netip.Prefix{netip.MustParsePrefix("1.2.3.0/24")}}),
	}
}

// assertOfflineRun checks that connectivity said offline for reason and every other network
// check said unknown because of it, all within budget.
func assertOfflineRun(t *testing.T, rep checks.Report, budget time.Duration, reason string) {
	t.Helper()
	if rep.Duration > budget {
		t.Errorf("the run took %s, past its %s budget", rep.Duration, budget)
	}
	conn, _ := rep.Result(checks.Connectivity)
	assertConnectivity(t, conn, checks.Fail, false, []string{checks.FindingOffline}, map[string]string{"reason": reason})
	for _, id := range []string{checks.PublicIP, checks.Allowlist} {
		r, _ := rep.Result(id)
		if r.Status != checks.Unknown || len(r.Findings) != 0 {
			t.Errorf("%s: %s %q, want unknown without findings", id, r.Status, r.Summary)
		}
	}
	if r, _ := rep.Result(checks.PublicIP); r.Summary != "offline" {
		t.Errorf("publicip: %q, want \"offline\": it must not wait for its own timeouts", r.Summary)
	}
}

func TestConnectivityWithNoRouteAtAll(t *testing.T) {
	ns := peer.NewNetns(t, "noroute")
	ns.Run(t, func(t *testing.T) {
		noLeaks(t)
		directOnly(t)
		// A budget of half a second: only a decision that waits for nothing fits in it, and
		// a check cut off by it would be unknown, not offline.
		const budget = 500 * time.Millisecond
		rep := checks.Run(t.Context(), networkChecks(defaultPortal), checks.Options{Budget: budget})
		assertOfflineRun(t, rep, budget, "no-route")
	})
}

func TestConnectivityWhenNothingAnswers(t *testing.T) {
	tests := []struct {
		name   string
		portal string
		opts   []peer.NetnsOption
	}{
		// The resolver is the LAN's gateway, and the drop rules swallow its queries.
		{"given every packet dropped when the portal is a name then offline", defaultPortal,
			[]peer.NetnsOption{peer.LAN(), peer.DropAll(), peer.Resolver(peer.GatewayAddr)}},
		{"given every packet dropped when the portal is an address then offline", "http://" + peer.GatewayAddr + "/generate_204",
			[]peer.NetnsOption{peer.LAN(), peer.DropAll(), peer.Resolver(peer.GatewayAddr)}},
		// A LAN whose resolver is an address nobody holds: queries go out and nothing comes
		// back, as when the upstream link is down.
		{"given a resolver that never answers then offline", defaultPortal,
			[]peer.NetnsOption{peer.LAN(), peer.Resolver("10.200.0.99")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := peer.NewNetns(t, "silent", tt.opts...)
			ns.Run(t, func(t *testing.T) {
				noLeaks(t)
				directOnly(t)
				rep := checks.Run(t.Context(), networkChecks(tt.portal), checks.Options{})
				assertOfflineRun(t, rep, checks.DefaultBudget, "no-answer")
			})
		})
	}
}

func TestConnectivityOnALAN(t *testing.T) {
	ns := peer.NewNetns(t, "lan", peer.LAN())
	ns.Run(t, func(t *testing.T) {
		noLeaks(t)
		n := portalPeers(t)
		// The default route targets: the route found is the LAN's default route.
		c := NewConnectivity(ConnectivityOptions{PortalURL: n.URL("/generate_204")})
		r := c.Run(t.Context(), netPrior{})
		assertConnectivity(t, r, checks.OK, true, nil, nil)
		d, _ := ConnectivityFrom(r)
		routes := d.Routes
		if routes[ipv4].Local != peer.LANAddr || routes[ipv6].Local != peer.LANAddr6 {
			t.Errorf("routes %+v, want through %s and %s", routes, peer.LANAddr, peer.LANAddr6)
		}
	})
}

// defaultPortal is the shipped captive-portal URL; inside a namespace no query or packet for
// it leaves this machine.
const defaultPortal = "http://connectivitycheck.gstatic.com/generate_204"

// Many offices give computers no default route at all: only the proxy on the LAN reaches the
// Internet. Connectivity must not call that offline.
func TestConnectivityWithNoRouteButAProxy(t *testing.T) {
	ns := peer.NewNetns(t, "proxy")
	ns.Run(t, func(t *testing.T) {
		noLeaks(t)
		proxy := peer.StartNginx(t, peer.NginxConfig{
			Hosts: map[string]string{"portal.test": `location = /generate_204 { return 204; }`},
		})
		t.Setenv("HTTP_PROXY", proxy.URL(""))
		t.Setenv("http_proxy", proxy.URL(""))
		c := NewConnectivity(ConnectivityOptions{PortalURL: "http://portal.test/generate_204"})
		r := c.Run(t.Context(), netPrior{})
		assertConnectivity(t, r, checks.OK, true, nil, nil)
		if r.Details["proxy"] != proxy.URL("") {
			t.Errorf("proxy %v, want %s named", r.Details["proxy"], proxy.URL(""))
		}
	})
}

// A resolver that says every name does not exist (a sandbox, a filtering DNS) is neither the
// Internet nor a captive portal: connectivity cannot tell, and the other checks go on.
func TestConnectivityWhenTheResolverDeniesEveryName(t *testing.T) {
	ns := peer.NewNetns(t, "nxdomain", peer.LAN())
	ns.Run(t, func(t *testing.T) {
		noLeaks(t)
		directOnly(t)
		peer.NXDomainResolver(t)
		r := NewConnectivity(ConnectivityOptions{PortalURL: defaultPortal}).Run(t.Context(), netPrior{})
		if r.Status != checks.Unknown || len(r.Findings) != 0 {
			t.Errorf("status %s, findings %+v (%q); want unknown without findings", r.Status, r.Findings, r.Summary)
		}
		if _, ok := r.Details["online"]; ok {
			t.Errorf("details say online=%v; want no verdict, so the other checks go on", r.Details["online"])
		}
	})
}
