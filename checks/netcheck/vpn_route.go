package netcheck

import (
	"net/netip"
	"slices"
)

// ifaceKind is what kind of link an interface is, as far as a VPN is concerned.
type ifaceKind string

const (
	kindLAN      ifaceKind = "lan"            // Ethernet, Wi-Fi, a bridge: an ordinary network
	kindTunnel   ifaceKind = "tunnel"         // tun, WireGuard, utun, IP-in-IP, a TAP adapter
	kindPPP      ifaceKind = "point-to-point" // PPP and other point-to-point links
	kindLoopback ifaceKind = "loopback"
	kindOther    ifaceKind = "other"
)

// netIface is a network interface as the OS describes it. On Windows Name is the friendly
// name ("Ethernet 2") and Description the adapter's ("PANGP Virtual Ethernet Adapter").
type netIface struct {
	Name        string
	Description string
	Kind        ifaceKind
}

// netRoute is one route: where traffic for Prefix leaves. Metric is the OS's preference
// (lower wins; on Windows the route's plus the interface's). Policy marks a route in a table
// that only policy rules reach (Linux: wg-quick's table 51820, Tailscale's table 52): a VPN
// put it there, so a default route in it carries the traffic the rules send it.
type netRoute struct {
	Prefix    netip.Prefix
	Interface string
	Metric    int
	Policy    bool
}

// netTable is what the vpn check reads from the OS.
type netTable struct {
	Interfaces []netIface
	Routes     []netRoute
}

// vpnVerdict is what the routing table says about VPNs.
type vpnVerdict struct {
	Default4, Default6 string // the interfaces that carry the default traffic; "" for none
	Tunnels            []TunnelInterface
}

// TunnelInterface is a tunnel-like interface and whether it carries the default traffic.
type TunnelInterface struct {
	Name         string `json:"name"`
	Description  string `json:"description,omitempty"`
	Kind         string `json:"kind"`
	Client       string `json:"client,omitempty"`
	DefaultRoute bool   `json:"default_route"`
}

// Active reports whether a tunnel carries the default traffic of either family.
func (v vpnVerdict) Active() bool { return len(v.Carriers()) > 0 }

// Carriers returns the tunnels that carry default traffic.
func (v vpnVerdict) Carriers() []TunnelInterface {
	var out []TunnelInterface
	for _, t := range v.Tunnels {
		if t.DefaultRoute {
			out = append(out, t)
		}
	}
	return out
}

// decideVPN finds which interfaces carry the default traffic and which of them are tunnels.
func decideVPN(tab netTable) vpnVerdict {
	byName := make(map[string]netIface, len(tab.Interfaces))
	for _, i := range tab.Interfaces {
		byName[i.Name] = i
	}
	tunnelLike := func(name string) bool {
		i := byName[name]
		return i.Kind == kindTunnel || i.Kind == kindPPP || knownClient(i.Name, i.Description) != ""
	}
	v := vpnVerdict{
		Default4: defaultCarrier(tab.Routes, false, tunnelLike),
		Default6: defaultCarrier(tab.Routes, true, tunnelLike),
	}
	for _, i := range tab.Interfaces {
		if i.Kind == kindLoopback || !tunnelLike(i.Name) {
			continue
		}
		v.Tunnels = append(v.Tunnels, TunnelInterface{
			Name:         i.Name,
			Description:  i.Description,
			Kind:         string(i.Kind),
			Client:       knownClient(i.Name, i.Description),
			DefaultRoute: i.Name == v.Default4 || i.Name == v.Default6,
		})
	}
	return v
}

// defaultCarrier returns the interface that carries the default traffic of one family: the
// two halves (0/1 and 128/1, or ::/1 and 8000::/1) when both are routed, as they beat any
// default route; else a tunnel's default route in a policy table; else the main default route
// with the lowest metric.
func defaultCarrier(routes []netRoute, v6 bool, tunnelLike func(string) bool) string {
	zero, upper := netip.IPv4Unspecified(), netip.AddrFrom4([4]byte{128})
	if v6 {
		zero, upper = netip.IPv6Unspecified(), netip.MustParseAddr("8000::")
	}
	lowHalf, upperHalf, whole := netip.PrefixFrom(zero, 1), netip.PrefixFrom(upper, 1), netip.PrefixFrom(zero, 0)
	lo, okLo := lowestMetric(routes, func(r netRoute) bool { return r.Prefix == lowHalf })
	hi, okHi := lowestMetric(routes, func(r netRoute) bool { return r.Prefix == upperHalf })
	if okLo && okHi {
		if !tunnelLike(lo.Interface) && tunnelLike(hi.Interface) {
			return hi.Interface
		}
		return lo.Interface
	}
	for _, r := range routes {
		if r.Policy && r.Prefix == whole && tunnelLike(r.Interface) {
			return r.Interface // the first tunnel default of a policy table
		}
	}
	if main, ok := lowestMetric(routes, func(r netRoute) bool { return !r.Policy && r.Prefix == whole }); ok {
		return main.Interface
	}
	return ""
}

// lowestMetric returns the route with the lowest metric of those match accepts.
func lowestMetric(routes []netRoute, match func(netRoute) bool) (netRoute, bool) {
	var found []netRoute
	for _, r := range routes {
		if match(r) {
			found = append(found, r)
		}
	}
	if len(found) == 0 {
		return netRoute{}, false
	}
	return slices.MinFunc(found, func(a, b netRoute) int { return a.Metric - b.Metric }), true
}
