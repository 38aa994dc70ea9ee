package netcheck

import (
	"net/http"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
	"github.com/signin-doctor/signin-doctor/checks/network"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// An office network with no way to the Internet: connectivity says offline, but the
// sign-in host and the IP echo service IT runs on its own network (here nginx on the LAN
// address) still answer, and the checks must ask them; the Internet's endpoints beside them
// are not probed, and prove nothing.
func TestIntranetEndpointsWhileOffline(t *testing.T) {
	ns := peer.NewNetns(t, "intweb", peer.LANOnly())
	ns.Run(t, func(t *testing.T) {
		noLeaks(t)
		directOnly(t)
		web := peer.StartNginx(t, peer.NginxConfig{TLS: true, Also: []string{peer.LANAddr}, Server: `
location / { return 403 "sign-in needs a browser"; }
location = /ip { return 200 "` + honest4 + `\n"; }`})
		intranet := web.TLSHostURL(peer.LANAddr, "/")
		internet := "https://accounts.zoho.com"
		rep := checks.Run(t.Context(), []checks.Check{
			NewConnectivity(ConnectivityOptions{PortalURL: defaultPortal}),
			NewReach(ReachOptions{Endpoints: []string{internet, intranet}, Roots: web.CA}),
			NewPublicIP(PublicIPOptions{URLs: []string{web.TLSHostURL(peer.LANAddr, "/ip"), "https://api.ipify.org"},
				Client: func(nw string) *http.Client { return network.NewHTTPClient(nw, direct, web.CA) }}),
		}, checks.Options{})
		if online, known := OnlineFrom(checkstest.MustResult(t, rep, checks.Connectivity)); !known || online {
			t.Fatalf("connectivity: online %v (known %v), want offline", online, known)
		}

		reach := checkstest.MustResult(t, rep, checks.Reach)
		eps := mustData(t, ReachFrom, reach).Endpoints
		if reach.Status != checks.Unknown || len(reach.Findings) != 0 {
			t.Errorf("reach: %s %q %v, want unknown (the Internet's endpoint proves nothing) without findings", reach.Status, reach.Summary, reach.Findings)
		}
		if eps[0].Reason != reasonOffline || !eps[1].OK || eps[1].HTTPStatus != http.StatusForbidden {
			t.Errorf("endpoints %+v: want the Internet's not probed, the intranet's reached", eps)
		}

		ip := checkstest.MustResult(t, rep, checks.PublicIP)
		if d := mustData(t, PublicIPFrom, ip); d.IPv4 != honest4 {
			t.Errorf("publicip: %s %q, ipv4 %q: want %s from the intranet's echo service", ip.Status, ip.Summary, d.IPv4, honest4)
		}
	})
}
