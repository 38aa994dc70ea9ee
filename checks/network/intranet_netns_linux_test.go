package network

import (
	"testing"

	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// On an office LAN with no default route, only servers on its own networks are the intranet:
// a private address the kernel routes, not one it has no route to, not a public one, not a
// name that does not resolve.
func TestIntranet(t *testing.T) {
	ns := peer.NewNetns(t, "intra", peer.LANOnly())
	ns.Run(t, func(t *testing.T) {
		tests := []struct {
			server string
			want   bool
		}{
			{peer.GatewayAddr + ":123", true},
			{peer.GatewayAddr, true},
			{"[" + peer.GatewayAddr6 + "]:123", true},
			{"10.99.0.1:123", false},      // private, but no route leads there
			{"198.51.100.1:123", false},   // not a private network's address
			{"127.0.0.1:123", false},      // this computer, not its network
			{"time.intranet.test", false}, // no resolver answers in the namespace
		}
		for _, tt := range tests {
			if got := Intranet(t.Context(), tt.server); got != tt.want {
				t.Errorf("Intranet(%q) = %v, want %v", tt.server, got, tt.want)
			}
		}
	})
}
