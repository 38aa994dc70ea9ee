package netcheck

import (
	"bytes"
	"errors"
	"fmt"
	"net/netip"
)

// maxAnswer is the longest body an IP echo service may send: an IPv6 address with a line end
// is under 50 bytes, so anything near this is a page, not an answer.
const maxAnswer = 256

// nonPublic are the special-purpose ranges of the IANA IPv4 and IPv6 registries whose
// addresses the Internet never sees as a source: what an echo service reports from among them
// is a lie or a mistake. Documentation ranges are here too, because the real world never
// routes them. Tests therefore make nginx answer ordinary public-looking addresses (1.2.3.4):
// it is only text, and no packet goes to them.
var nonPublic = mustPrefixes(
	"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
	"172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
	"198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
	"64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001:2::/48", "2001:10::/28",
	"2001:20::/28", "2001:db8::/32", "3fff::/20", "5f00::/16",
)

// globalUnicast6 is where IANA allocates global IPv6 unicast; nothing outside it is public.
var globalUnicast6 = netip.MustParsePrefix("2000::/3")

func mustPrefixes(ss ...string) []netip.Prefix {
	out := make([]netip.Prefix, len(ss))
	for i, s := range ss {
		out[i] = netip.MustParsePrefix(s)
	}
	return out
}

// IsPublic reports whether a is an address the Internet can see as a source: global unicast,
// and in none of the special-purpose ranges (private, shared CGNAT 100.64/10, loopback,
// link-local, documentation, benchmarking, NAT64, ULA fc00::/7 …).
func IsPublic(a netip.Addr) bool {
	if !a.IsValid() || a.Zone() != "" || a.Is4In6() || !a.IsGlobalUnicast() || a.IsPrivate() {
		return false
	}
	if a.Is6() && !globalUnicast6.Contains(a) {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(a) {
			return false
		}
	}
	return true
}

// Reasons an echo service's body is no answer.
var (
	errEmpty     = errors.New("empty answer")
	errHTML      = errors.New("an HTML page, not an address")
	errNotAddr   = errors.New("not an address")
	errFamily    = errors.New("an address of the other family")
	errNotPublic = errors.New("not a public address")
)

// parseEchoAnswer reads an echo service's body: one address and nothing else but spaces
// around it, of family ("ipv4" or "ipv6"), and public. It is strict on purpose: a body that
// needs guessing is not an answer.
func parseEchoAnswer(body []byte, family string) (netip.Addr, error) {
	s := bytes.TrimSpace(body)
	switch {
	case len(s) == 0:
		return netip.Addr{}, errEmpty
	case s[0] == '<':
		return netip.Addr{}, errHTML
	}
	a, err := netip.ParseAddr(string(s))
	if err != nil || a.Zone() != "" || a.Is4In6() {
		return netip.Addr{}, fmt.Errorf("%w: %.40q", errNotAddr, s)
	}
	if (family == ipv4) != a.Is4() {
		return netip.Addr{}, fmt.Errorf("%w: %s for %s", errFamily, a, family)
	}
	if !IsPublic(a) {
		return netip.Addr{}, fmt.Errorf("%w: %s", errNotPublic, a)
	}
	return a, nil
}
