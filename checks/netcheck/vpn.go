package netcheck

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// vpnTimeout bounds the vpn check: it only reads the OS's tables.
const vpnTimeout = 2 * time.Second

// VPN is the vpn check: does a VPN carry this computer's traffic? A VPN changes the public
// address a service sees, the usual cause of "sign-in from this IP address is not allowed".
// It reads only local tables, so it works offline.
//
// A VPN is active when, in either family, the default traffic leaves through a tunnel-like
// interface: both halves (0.0.0.0/1 and 128.0.0.0/1, or ::/1 and 8000::/1) when routed, as
// they beat any default route; else a default route in a table only policy rules reach
// (Linux: wg-quick, Tailscale exit nodes); else the default route with the lowest metric
// (on Windows the route's plus the interface's). Tunnel-like means a tunnel or
// point-to-point link (tun, WireGuard, utun, ipsec, PPP, IP-in-IP, a TAP device; Windows
// IF_TYPE_TUNNEL, IF_TYPE_PROP_VIRTUAL, IF_TYPE_PPP) or a known VPN client's adapter by name
// or description (vpn_clients.go). Kernel fallback tunnels (sit0, gre0 …), macOS's gif0 and
// stf0 and Windows' Teredo, ISATAP, 6to4 and IP-HTTPS adapters are not. A tunnel carrying no
// default route is listed in "interfaces" with default_route false: not a VPN (macOS keeps
// idle utun devices).
//
// Details: "active" (bool), "interfaces" ([]TunnelInterface: name, description, kind, client,
// default_route), "default_route_interface" and "default_route_interface_ipv6" (the
// interface carrying each family's default traffic, tunnel or not; "" for none). Finding:
// vpn-active (warn), one per tunnel carrying default traffic, Params interface and client
// (the product, when known).
type VPN struct {
	read func(ctx context.Context) (netTable, error)
}

// VPNOptions tune the vpn check. There is nothing to tune yet; the struct keeps the
// constructor's shape when there is.
type VPNOptions struct{}

// NewVPN returns the vpn check, reading this OS's routing table and interfaces.
func NewVPN(VPNOptions) *VPN { return &VPN{read: readNetTable} }

// Spec implements checks.Check.
func (c *VPN) Spec() checks.Spec { return checks.Spec{ID: checks.VPN, Timeout: vpnTimeout} }

// Run implements checks.Check.
func (c *VPN) Run(ctx context.Context, _ checks.Prior) checks.Result {
	if err := ctx.Err(); err != nil {
		return checks.Unknowable("no time left to read the routing table", err)
	}
	tab, err := c.read(ctx)
	if err != nil {
		return checks.Unknowable("could not read the routing table", err)
	}
	return vpnResult(decideVPN(tab))
}

// vpnResult turns a verdict into the check's result.
func vpnResult(v vpnVerdict) checks.Result {
	tunnels := v.Tunnels
	if tunnels == nil {
		tunnels = []TunnelInterface{}
	}
	data := &VPNData{Active: v.Active(), Interfaces: tunnels, DefaultRouteInterface: v.Default4, DefaultRouteInterfaceIPv6: v.Default6}
	carriers := v.Carriers()
	if len(carriers) == 0 {
		return checks.Finish(checks.OK, noVPNSummary(v), data)
	}
	var findings []checks.Finding
	var names []string
	for _, t := range carriers {
		params := map[string]string{"interface": t.Name}
		if t.Client != "" {
			params["client"] = t.Client
		}
		findings = append(findings, checks.Finding{ID: checks.FindingVPNActive, Severity: checks.Warn, Params: params})
		names = append(names, describeTunnel(t))
	}
	summary := "a VPN carries the traffic: " + strings.Join(names, ", ")
	return checks.Finish(checks.Warn, summary, data, findings...)
}

func noVPNSummary(v vpnVerdict) string {
	var via string
	switch {
	case v.Default4 == "" && v.Default6 == "":
		via = "there is no default route"
	case v.Default4 != "":
		via = "the default route goes through " + v.Default4
	default:
		via = "the IPv6 default route goes through " + v.Default6
	}
	if len(v.Tunnels) == 0 {
		return "no VPN: " + via
	}
	idle := make([]string, 0, len(v.Tunnels))
	for _, t := range v.Tunnels {
		idle = append(idle, describeTunnel(t))
	}
	return fmt.Sprintf("no VPN: %s; tunnels that carry no default route: %s", via, strings.Join(idle, ", "))
}

func describeTunnel(t TunnelInterface) string {
	if t.Client != "" {
		return t.Name + " (" + t.Client + ")"
	}
	return t.Name
}
