package netcheck

import (
	"context"
	"fmt"
	"net/netip"
	"slices"
	"strings"

	"github.com/signin-doctor/signin-doctor/checks"
)

// AllowlistOptions configure the allowlist check.
type AllowlistOptions struct {
	// Networks are the networks IT allows sign-in from (config network.allowed_networks).
	// Empty: the check does not apply and is skipped.
	Networks []netip.Prefix
}

// Allowlist compares this computer's public addresses with the networks IT allows.
type Allowlist struct {
	opts AllowlistOptions
}

// NewAllowlist returns the allowlist check.
func NewAllowlist(opts AllowlistOptions) *Allowlist { return &Allowlist{opts: opts} }

// Spec implements checks.Check. It measures nothing itself: it judges publicip's addresses,
// and reads vpn's to name the likely cause.
func (c *Allowlist) Spec() checks.Spec {
	return checks.Spec{ID: checks.Allowlist, Needs: []string{checks.PublicIP, checks.VPN}}
}

// Run implements checks.Check.
func (c *Allowlist) Run(_ context.Context, prior checks.Prior) checks.Result {
	if len(c.opts.Networks) == 0 {
		return checks.Finish(checks.Skipped, "no allowed networks configured (network.allowed_networks)", nil)
	}
	addrs, why := publicAddresses(prior)
	if why != "" {
		return checks.Unknowable("public address unknown: "+why, nil)
	}
	matched := make(map[string]string, len(addrs))
	var denied []netip.Addr
	for _, a := range addrs {
		matched[a.String()] = ""
		for _, n := range c.opts.Networks {
			if n.Contains(a) {
				matched[a.String()] = n.String()
				break
			}
		}
		if matched[a.String()] == "" {
			denied = append(denied, a)
		}
	}
	data := &AllowlistData{Allowed: len(denied) == 0, MatchedNetwork: matched, Addresses: addrStrings(addrs)}
	if len(denied) == 0 {
		return checks.Finish(checks.OK, "every public address is in an allowed network: "+describeMatches(addrs, matched), data)
	}
	vpns := vpnCarriers(prior)
	findings := make([]checks.Finding, 0, len(denied))
	var blamed []string
	for _, a := range denied {
		params := map[string]string{"address": a.String()}
		if vpnIf := vpns[familyOf(a)]; vpnIf != "" {
			params["vpn_interface"] = vpnIf
			if !slices.Contains(blamed, vpnIf) {
				blamed = append(blamed, vpnIf)
			}
		}
		findings = append(findings, checks.Finding{ID: checks.FindingIPNotAllowed, Severity: checks.Fail, Params: params})
	}
	summary := "not in an allowed network: " + strings.Join(addrStrings(denied), ", ")
	if len(blamed) > 0 {
		summary += " (a VPN on " + strings.Join(blamed, " and ") + " carries the traffic)"
	}
	return checks.Finish(checks.Fail, summary, data, findings...)
}

// publicAddresses returns the addresses publicip found, or why there are none to judge.
func publicAddresses(prior checks.Prior) ([]netip.Addr, string) {
	r, ok := prior.Result(checks.PublicIP)
	if !ok {
		return nil, "the publicip check did not run"
	}
	if r.Status == checks.Unknown || r.Status == checks.Skipped {
		return nil, "publicip: " + r.Summary
	}
	found, _ := PublicIPFrom(r)
	var out []netip.Addr
	for _, s := range found.Addresses {
		if a, err := netip.ParseAddr(s); err == nil {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, "publicip found no address"
	}
	return out, ""
}

// vpnCarriers names, per address family ("ipv4", "ipv6"), the VPN interface that carries
// that family's default traffic, as the vpn check found: its vpn-active findings name the
// tunnels, and its default route interfaces (VPNData) say which family each carries. A family absent from the map leaves by no VPN — when only IPv6 goes
// through the tunnel, the IPv4 default route's interface is the LAN's, and a denied IPv4
// address is not the VPN's doing.
func vpnCarriers(prior checks.Prior) map[string]string {
	r, ok := prior.Result(checks.VPN)
	if !ok {
		return nil
	}
	var tunnels []string
	for _, f := range r.Findings {
		if f.ID == checks.FindingVPNActive && f.Params["interface"] != "" {
			tunnels = append(tunnels, f.Params["interface"])
		}
	}
	v, _ := VPNFrom(r)
	out := map[string]string{}
	for fam, name := range map[string]string{ipv4: v.DefaultRouteInterface, ipv6: v.DefaultRouteInterfaceIPv6} {
		if name != "" && slices.Contains(tunnels, name) {
			out[fam] = name
		}
	}
	return out
}

// describeMatches says which network each address matched.
func describeMatches(addrs []netip.Addr, matched map[string]string) string {
	parts := make([]string, len(addrs))
	for i, a := range addrs {
		parts[i] = fmt.Sprintf("%s in %s", a, matched[a.String()])
	}
	return strings.Join(parts, ", ")
}
