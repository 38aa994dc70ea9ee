package netcheck

import (
	"context"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// TestVPNInNamespaces runs the real vpn check, reading the kernel's tables over netlink and
// /sys, inside namespaces with a tun device as a VPN would set it up.
func TestVPNInNamespaces(t *testing.T) {
	tun := peer.TunDevice
	tests := []struct {
		name string
		opts []peer.NetnsOption
		want vpnCase
	}{
		{name: "given a tun device carrying the default route then vpn-active names it",
			opts: []peer.NetnsOption{peer.LAN(), peer.Tunnel(peer.DefaultRoutes...)},
			want: vpnCase{wantStatus: checks.Warn, wantIface: tun, wantListed: []string{tun}, wantV4: tun}},
		{name: "given a tun device carrying both halves then the VPN is active",
			opts: []peer.NetnsOption{peer.LAN(), peer.Tunnel(peer.HalfRoutes...)},
			want: vpnCase{wantStatus: checks.Warn, wantIface: tun, wantListed: []string{tun}, wantV4: tun}},
		{name: "given a tun device without the default route then it is listed and not active",
			opts: []peer.NetnsOption{peer.LAN(), peer.Tunnel()},
			want: vpnCase{wantStatus: checks.OK, wantListed: []string{tun}, wantV4: peer.LANDevice}},
		{name: "given a plain LAN then there is no VPN",
			opts: []peer.NetnsOption{peer.LAN()},
			want: vpnCase{wantStatus: checks.OK, wantV4: peer.LANDevice}},
		{name: "given no network at all then there is no VPN and no default route",
			want: vpnCase{wantStatus: checks.OK}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ns := peer.NewNetns(t, "vpn", tc.opts...)
			ns.Run(t, func(t *testing.T) {
				defer goleak.VerifyNone(t)
				c := NewVPN(VPNOptions{})
				ctx, cancel := context.WithTimeout(t.Context(), c.Spec().Timeout)
				defer cancel()
				res := c.Run(ctx, nil)
				if ctx.Err() != nil {
					t.Fatalf("the check ran past its deadline of %s", c.Spec().Timeout)
				}
				assertVPN(t, res, tc.want)
				t.Logf("%s: %s", res.Status, res.Summary)
			})
		})
	}
}

// The halves test must see the IPv6 halves too, so a VPN that tunnels only IPv6 is caught.
func TestVPNInNamespaceIPv6Halves(t *testing.T) {
	ns := peer.NewNetns(t, "vpn6", peer.LAN(), peer.Tunnel("::/1", "8000::/1"))
	ns.Run(t, func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
		defer cancel()
		res := NewVPN(VPNOptions{}).Run(ctx, nil)
		assertVPN(t, res, vpnCase{wantStatus: checks.Warn, wantIface: peer.TunDevice, wantListed: []string{peer.TunDevice}, wantV4: peer.LANDevice})
		if got := res.Details["default_route_interface_ipv6"]; got != peer.TunDevice {
			t.Errorf("default_route_interface_ipv6 = %v, want %s", got, peer.TunDevice)
		}
	})
}
