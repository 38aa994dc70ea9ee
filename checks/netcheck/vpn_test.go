package netcheck

import (
	"context"
	"errors"
	"net/netip"
	"testing"

	"go.uber.org/goleak"

	"github.com/signin-doctor/signin-doctor/checks"
)

// vpnCase is a routing table and what the vpn check must say of it.
type vpnCase struct {
	name       string
	table      netTable
	wantStatus checks.Status
	wantIface  string // the vpn-active finding's interface; "" for no finding
	wantClient string
	wantListed []string // tunnel-like interfaces in details, in order
	wantV4     string   // default_route_interface
}

func runVPNCase(t *testing.T, tc vpnCase) {
	t.Helper()
	c := &VPN{read: func(context.Context) (netTable, error) { return tc.table, nil }}
	assertVPN(t, c.Run(t.Context(), nil), tc)
}

func assertVPN(t *testing.T, res checks.Result, tc vpnCase) {
	t.Helper()
	if res.Status != tc.wantStatus {
		t.Fatalf("status %s, want %s (%s; %v)", res.Status, tc.wantStatus, res.Summary, res.Details)
	}
	if got := res.Details["active"]; got != (tc.wantIface != "") {
		t.Errorf("details active = %v, want %v", got, tc.wantIface != "")
	}
	if got := res.Details["default_route_interface"]; got != tc.wantV4 {
		t.Errorf("default_route_interface = %q, want %q", got, tc.wantV4)
	}
	var listed []string
	for _, i := range mustData(t, VPNFrom, res).Interfaces {
		listed = append(listed, i.Name)
		if i.DefaultRoute != (i.Name == tc.wantIface) {
			t.Errorf("interface %s: default_route = %v", i.Name, i.DefaultRoute)
		}
	}
	if !equalStrings(listed, tc.wantListed) {
		t.Errorf("interfaces %q, want %q", listed, tc.wantListed)
	}
	switch {
	case tc.wantIface == "" && len(res.Findings) != 0:
		t.Errorf("findings %+v, want none", res.Findings)
	case tc.wantIface != "" && len(res.Findings) != 1:
		t.Errorf("findings %+v, want one vpn-active", res.Findings)
	case tc.wantIface != "":
		f := res.Findings[0]
		if f.ID != checks.FindingVPNActive || f.Params["interface"] != tc.wantIface || f.Params["client"] != tc.wantClient {
			t.Errorf("finding %s %v, want vpn-active interface=%s client=%q", f.ID, f.Params, tc.wantIface, tc.wantClient)
		}
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func mainRoute(prefix, iface string, metric int) netRoute {
	return netRoute{Prefix: netip.MustParsePrefix(prefix), Interface: iface, Metric: metric}
}

func policyRoute(prefix, iface string) netRoute {
	r := mainRoute(prefix, iface, 0)
	r.Policy = true
	return r
}

// Linux shapes: what netlink reports with wg-quick, Tailscale and OpenVPN.
func TestVPNLinuxShapes(t *testing.T) {
	defer goleak.VerifyNone(t)
	lan := []netIface{{Name: "lo", Kind: kindLoopback}, {Name: "wlp2s0", Kind: kindLAN}}
	with := func(extra ...netIface) []netIface { return append(append([]netIface{}, lan...), extra...) }
	tests := []vpnCase{
		{name: "given wg-quick's policy table with a default via wg0 then WireGuard is active",
			table: netTable{Interfaces: with(netIface{Name: "wg0", Kind: kindTunnel}), Routes: []netRoute{
				mainRoute("0.0.0.0/0", "wlp2s0", 600), mainRoute("192.168.1.0/24", "wlp2s0", 600), policyRoute("0.0.0.0/0", "wg0"),
			}},
			wantStatus: checks.Warn, wantIface: "wg0", wantClient: "WireGuard", wantListed: []string{"wg0"}, wantV4: "wg0"},
		{name: "given Tailscale without an exit node then it is listed and not active",
			table: netTable{Interfaces: with(netIface{Name: "tailscale0", Kind: kindTunnel}), Routes: []netRoute{
				mainRoute("0.0.0.0/0", "wlp2s0", 600), policyRoute("100.64.0.0/10", "tailscale0"),
			}},
			wantStatus: checks.OK, wantListed: []string{"tailscale0"}, wantV4: "wlp2s0"},
		{name: "given a Tailscale exit node then Tailscale is active",
			table: netTable{Interfaces: with(netIface{Name: "tailscale0", Kind: kindTunnel}), Routes: []netRoute{
				mainRoute("0.0.0.0/0", "wlp2s0", 600), policyRoute("0.0.0.0/0", "tailscale0"),
			}},
			wantStatus: checks.Warn, wantIface: "tailscale0", wantClient: "Tailscale", wantListed: []string{"tailscale0"}, wantV4: "tailscale0"},
		{name: "given OpenVPN's def1 halves on tun0 then an unnamed tunnel is active",
			table: netTable{Interfaces: with(netIface{Name: "tun0", Kind: kindTunnel}), Routes: []netRoute{
				mainRoute("0.0.0.0/0", "wlp2s0", 600), mainRoute("0.0.0.0/1", "tun0", 0), mainRoute("128.0.0.0/1", "tun0", 0),
			}},
			wantStatus: checks.Warn, wantIface: "tun0", wantListed: []string{"tun0"}, wantV4: "tun0"},
		{name: "given only one half on tun0 then it is a split tunnel, not a VPN for everything",
			table: netTable{Interfaces: with(netIface{Name: "tun0", Kind: kindTunnel}), Routes: []netRoute{
				mainRoute("0.0.0.0/0", "wlp2s0", 600), mainRoute("0.0.0.0/1", "tun0", 0),
			}},
			wantStatus: checks.OK, wantListed: []string{"tun0"}, wantV4: "wlp2s0"},
		{name: "given an IPv6-only full tunnel then the VPN is active",
			table: netTable{Interfaces: with(netIface{Name: "cscotun0", Kind: kindTunnel}), Routes: []netRoute{
				mainRoute("0.0.0.0/0", "wlp2s0", 600), mainRoute("::/1", "cscotun0", 0), mainRoute("8000::/1", "cscotun0", 0),
			}},
			wantStatus: checks.Warn, wantIface: "cscotun0", wantClient: "Cisco Secure Client", wantListed: []string{"cscotun0"}, wantV4: "wlp2s0"},
		{name: "given two default routes then the lower metric carries the traffic",
			table: netTable{Interfaces: with(netIface{Name: "ppp0", Kind: kindPPP}), Routes: []netRoute{
				mainRoute("0.0.0.0/0", "wlp2s0", 600), mainRoute("0.0.0.0/0", "ppp0", 50),
			}},
			wantStatus: checks.Warn, wantIface: "ppp0", wantListed: []string{"ppp0"}, wantV4: "ppp0"},
		{name: "given no default route then there is no VPN",
			table:      netTable{Interfaces: lan, Routes: []netRoute{mainRoute("192.168.1.0/24", "wlp2s0", 600)}},
			wantStatus: checks.OK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runVPNCase(t, tc) })
	}
}

func TestVPNUnknownWhenUnreadable(t *testing.T) {
	defer goleak.VerifyNone(t)
	c := &VPN{read: func(context.Context) (netTable, error) { return netTable{}, errors.New("netlink: permission denied") }}
	res := c.Run(t.Context(), nil)
	if res.Status != checks.Unknown || res.Details["error"] != "netlink: permission denied" || len(res.Findings) != 0 {
		t.Fatalf("got %s %q %v, want unknown with the error", res.Status, res.Summary, res.Details)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	c.read = func(context.Context) (netTable, error) { t.Error("read after the deadline"); return netTable{}, nil }
	if res := c.Run(ctx, nil); res.Status != checks.Unknown {
		t.Fatalf("with ctx done: %s, want unknown", res.Status)
	}
}

func TestVPNSpecWorksOffline(t *testing.T) {
	s := NewVPN(VPNOptions{}).Spec()
	if s.ID != checks.VPN || len(s.Needs) != 0 || s.Timeout <= 0 {
		t.Fatalf("spec %+v: want id vpn, no needs, a timeout", s)
	}
}
