package clock

import (
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// An office network with no way to the Internet, whose computers take their time from IT's
// own server on the LAN (clock.ntp_servers): connectivity says offline, and the clock check
// must still ask that server, since the kernel has a route to it, and judge its answer —
// here chronyd, 2 minutes ahead, on the gateway's address. A public server beside it is given
// up at once.
func TestIntranetTimeServerWhileOffline(t *testing.T) {
	ns := peer.NewNetns(t, "intntp", peer.LANOnly())
	ns.Run(t, func(t *testing.T) {
		const ahead = 2 * time.Minute
		srv := peer.StartChrony(t, peer.ChronyOptions{Offset: ahead, Netns: ns.GatewayName(), Bind: peer.GatewayAddr})
		tests := []struct {
			name    string
			servers []string
		}{
			{"given only the LAN's server", []string{srv.Addr}},
			{"given a public server first", []string{"198.51.100.1:123", srv.Addr}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rep := checks.Run(t.Context(), []checks.Check{
					netcheck.NewConnectivity(netcheck.ConnectivityOptions{PortalURL: "http://connectivitycheck.gstatic.com/generate_204"}),
					New(Options{Servers: tt.servers}),
				}, checks.Options{})
				if online, known := netcheck.OnlineFrom(checkstest.MustResult(t, rep, checks.Connectivity)); !known || online {
					t.Fatalf("connectivity: online %v (known %v), want offline: the namespace has no default route", online, known)
				}
				r := checkstest.MustResult(t, rep, checks.Clock)
				offset, known := OffsetFrom(r)
				if !known || (offset-ahead).Abs() > time.Second {
					t.Fatalf("clock: %s %q (offset %v, known %v), want the LAN server's %v", r.Status, r.Summary, offset, known, ahead)
				}
				if r.Status != checks.Fail {
					t.Errorf("clock: %s, want fail for a clock 2 minutes off", r.Status)
				}
				if rep.Duration > 3*time.Second {
					t.Errorf("the run took %s: the public server must be given up at once", rep.Duration)
				}
			})
		}
	})
}
