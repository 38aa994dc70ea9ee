package netcheck

import (
	"net/netip"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// The whole ip-restricted path with real peers: a namespace whose default route goes through
// a tunnel (a full-tunnel VPN), nginx as the echo services, and the engine running the checks
// as `signin-doctor check` does.
func TestAllowlistBehindAVPN(t *testing.T) {
	ns := peer.NewNetns(t, "vpn", peer.LAN(), peer.Tunnel(peer.DefaultRoutes...))
	ns.Run(t, func(t *testing.T) {
		noLeaks(t)
		echo := echoPeers(t)
		portal := portalPeers(t)
		list := []checks.Check{
			NewConnectivity(ConnectivityOptions{PortalURL: portal.URL("/generate_204")}),
			NewPublicIP(PublicIPOptions{URLs: []string{echo.URL("/honest1"), echo.URL("/honest2"), echo.URL("/liar")}}),
			NewVPN(VPNOptions{}),
			NewAllowlist(AllowlistOptions{Networks: []netip.Prefix{netip.MustParsePrefix("9.9.9.0/24")}}),
		}
		rep := checks.Run(t.Context(), list, checks.Options{})
		for _, r := range rep.Results {
			t.Logf("%s: %s %s", r.ID, r.Status, r.Summary)
		}
		conn, _ := rep.Result(checks.Connectivity)
		if conn.Details["online"] != true {
			t.Fatalf("connectivity: %s %q, want online", conn.Status, conn.Summary)
		}
		pub, _ := rep.Result(checks.PublicIP)
		if pub.Status != checks.Warn || pub.Details["ipv4"] != honest4 {
			t.Fatalf("publicip: %s %q, want warn with %s by majority", pub.Status, pub.Summary, honest4)
		}
		allow, _ := rep.Result(checks.Allowlist)
		if allow.Status != checks.Fail || len(allow.Findings) != 1 {
			t.Fatalf("allowlist: %s %q %+v, want one ip-not-allowed", allow.Status, allow.Summary, allow.Findings)
		}
		f := allow.Findings[0]
		if f.ID != checks.FindingIPNotAllowed || f.Params["address"] != honest4 || f.Params["vpn_interface"] != peer.TunDevice {
			t.Fatalf("finding %s %v, want %s for %s naming %s", f.ID, f.Params, checks.FindingIPNotAllowed, honest4, peer.TunDevice)
		}
	})
}
