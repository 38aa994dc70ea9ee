package network

import (
	"context"
	"net"
	"net/netip"
	"strings"
	"time"
)

// intranetLookupWait bounds the name lookup of Intranet: an office's resolver is on its LAN.
const intranetLookupWait = time.Second

// sharedSpace is RFC 6598's shared address space, which carrier NAT and some VPNs number
// their own networks from.
var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// Intranet reports whether server (an address or a name, with or without a port) is on this
// computer's own networks: one of its addresses is private, link-local or shared (RFC 1918,
// RFC 4193, RFC 6598) and the kernel has a route to it. Such a server — an office's time
// server, an intranet echo service, a sign-in host reached over the LAN — can answer when the
// connectivity check finds no way to the Internet, and the network checks still ask it.
// A name that does not resolve within a second is not known to be on the intranet.
func Intranet(ctx context.Context, server string) bool {
	host := server
	if h, _, err := net.SplitHostPort(server); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		lctx, cancel := context.WithTimeout(ctx, intranetLookupWait)
		defer cancel()
		found, err := NewDialer().Resolver.LookupNetIP(lctx, "ip", host)
		if err != nil {
			return false
		}
		addrs = found
	}
	for _, a := range addrs {
		if a = a.Unmap(); intranetAddr(a) && routed(ctx, a) {
			return true
		}
	}
	return false
}

// intranetAddr reports whether a is an address of a private network.
func intranetAddr(a netip.Addr) bool {
	return a.IsPrivate() || a.IsLinkLocalUnicast() || sharedSpace.Contains(a)
}

// routed reports whether the kernel has a route to a: connecting a UDP socket picks one, or
// fails at once, and sends nothing.
func routed(ctx context.Context, a netip.Addr) bool {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "udp", netip.AddrPortFrom(a, 9).String())
	if err != nil {
		return false
	}
	conn.Close()
	return true
}
