package netcheck

import (
	"net/netip"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

func TestAllowlist(t *testing.T) {
	publicip := func(status checks.Status, addrs ...string) checks.Result {
		return checks.Finish(status, "publicip summary", &PublicIPData{Addresses: addrs})
	}
	// vpn is the vpn check's result when the default traffic of IPv4 and IPv6 leaves by
	// these interfaces, tunnels among them (each a vpn-active finding, as the check gives).
	vpn := func(default4, default6 string, tunnels ...string) checks.Result {
		var findings []checks.Finding
		for _, name := range tunnels {
			findings = append(findings, checks.Finding{ID: checks.FindingVPNActive, Severity: checks.Warn,
				Params: map[string]string{"interface": name}})
		}
		return checks.Finish(checks.OK, "", &VPNData{Active: len(tunnels) > 0,
			DefaultRouteInterface: default4, DefaultRouteInterfaceIPv6: default6}, findings...)
	}
	vpnOn, vpnOff := vpn("tun0", "tun0", "tun0"), vpn("eth0", "eth0")
	vpn6Only := vpn("eth0", "wg0", "wg0") // a tunnel for IPv6 alone: IPv4 leaves by the LAN
	office := []netip.Prefix{netip.MustParsePrefix("1.2.3.0/24"), netip.MustParsePrefix("2a02:1::/32")}

	tests := []struct {
		name     string
		networks []netip.Prefix
		prior    netPrior
		status   checks.Status
		allowed  any
		denied   []string // the address param of each finding, in order
		vpnIf    string   // the vpn_interface param expected on every finding
	}{
		{name: "given no allowed networks then skipped", networks: nil,
			prior: netPrior{checks.PublicIP: publicip(checks.OK, "9.9.9.9")}, status: checks.Skipped},
		{name: "given an address in an allowed network then ok", networks: office,
			prior: netPrior{checks.PublicIP: publicip(checks.OK, "1.2.3.4", "2a02:1::5"), checks.VPN: vpnOff}, status: checks.OK, allowed: true},
		{name: "given an address outside when no VPN then not allowed without a VPN", networks: office,
			prior: netPrior{checks.PublicIP: publicip(checks.OK, "9.9.9.9"), checks.VPN: vpnOff}, status: checks.Fail, allowed: false,
			denied: []string{"9.9.9.9"}},
		{name: "given an address outside when a VPN is active then the VPN is named", networks: office,
			prior: netPrior{checks.PublicIP: publicip(checks.OK, "9.9.9.9"), checks.VPN: vpnOn}, status: checks.Fail, allowed: false,
			denied: []string{"9.9.9.9"}, vpnIf: "tun0"},
		{name: "given only IPv6 through a VPN when the IPv6 address is outside then that VPN is named, not the LAN's interface", networks: office[:1],
			prior: netPrior{checks.PublicIP: publicip(checks.OK, "1.2.3.4", "2a02:1::5"), checks.VPN: vpn6Only}, status: checks.Fail, allowed: false,
			denied: []string{"2a02:1::5"}, vpnIf: "wg0"},
		{name: "given only IPv6 through a VPN when the IPv4 address is outside then no VPN is blamed", networks: office[1:],
			prior: netPrior{checks.PublicIP: publicip(checks.OK, "9.9.9.9", "2a02:1::5"), checks.VPN: vpn6Only}, status: checks.Fail, allowed: false,
			denied: []string{"9.9.9.9"}},
		{name: "given IPv4 allowed but IPv6 not then the IPv6 address is not allowed", networks: office[:1],
			prior: netPrior{checks.PublicIP: publicip(checks.OK, "1.2.3.4", "2a02:1::5")}, status: checks.Fail, allowed: false,
			denied: []string{"2a02:1::5"}},
		{name: "given sources that split then every address seen is judged", networks: office,
			prior: netPrior{checks.PublicIP: publicip(checks.Warn, "1.2.3.4", "5.6.7.8")}, status: checks.Fail, allowed: false,
			denied: []string{"5.6.7.8"}},
		{name: "given publicip unknown then unknown", networks: office,
			prior: netPrior{checks.PublicIP: checks.Finish(checks.Unknown, "offline", nil)}, status: checks.Unknown},
		{name: "given publicip disabled then unknown", networks: office,
			prior: netPrior{checks.PublicIP: checks.Finish(checks.Skipped, "disabled by configuration", nil)}, status: checks.Unknown},
		{name: "given publicip not run then unknown", networks: office, prior: netPrior{}, status: checks.Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := NewAllowlist(AllowlistOptions{Networks: tt.networks}).Run(t.Context(), tt.prior)
			if r.Status != tt.status {
				t.Fatalf("status %s (%s), want %s", r.Status, r.Summary, tt.status)
			}
			if tt.allowed != nil && r.Details["allowed"] != tt.allowed {
				t.Errorf("allowed %v, want %v", r.Details["allowed"], tt.allowed)
			}
			if len(r.Findings) != len(tt.denied) {
				t.Fatalf("findings %+v, want one per address in %v", r.Findings, tt.denied)
			}
			for i, f := range r.Findings {
				if f.ID != checks.FindingIPNotAllowed || f.Params["address"] != tt.denied[i] || f.Params["vpn_interface"] != tt.vpnIf {
					t.Errorf("finding %d: %s %v, want %s address=%s vpn_interface=%q", i, f.ID, f.Params, checks.FindingIPNotAllowed, tt.denied[i], tt.vpnIf)
				}
			}
		})
	}
}

func TestAllowlistNamesTheMatchedNetwork(t *testing.T) {
	prior := netPrior{checks.PublicIP: checks.Finish(checks.OK, "", &PublicIPData{Addresses: []string{"1.2.3.4", "9.9.9.9"}})}
	r := NewAllowlist(AllowlistOptions{Networks: []netip.Prefix{netip.MustParsePrefix("1.2.0.0/16")}}).Run(t.Context(), prior)
	want := map[string]string{"1.2.3.4": "1.2.0.0/16", "9.9.9.9": ""}
	got := mustData(t, AllowlistFrom, r).MatchedNetwork
	for a, n := range want {
		if got[a] != n {
			t.Errorf("matched_network[%s] = %q, want %q", a, got[a], n)
		}
	}
}
