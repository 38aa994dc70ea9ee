package network

import (
	"context"
	"net"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// intranetLookupWait bounds the name lookups of Intranet and OnIntranet, all of them
// together: an office's resolver is on its LAN and answers in milliseconds, and a network
// that dropped the connectivity probes drops these lookups too (measured: four NTP server
// names looked up one after another for a second each made an offline run 4 s long).
const intranetLookupWait = 300 * time.Millisecond

// sharedSpace is RFC 6598's shared address space, which carrier NAT and some VPNs number
// their own networks from.
var sharedSpace = netip.MustParsePrefix("100.64.0.0/10")

// Intranet reports whether server (an address or a name, with or without a port) is on this
// computer's own networks: one of its addresses is private, link-local or shared (RFC 1918,
// RFC 4193, RFC 6598) and the kernel has a route to it. Such a server — an office's time
// server, an intranet echo service, a sign-in host reached over the LAN — can answer when the
// connectivity check finds no way to the Internet, and the network checks still ask it.
// A name that does not resolve within intranetLookupWait is not known to be on the intranet.
func Intranet(ctx context.Context, server string) bool {
	host := server
	if h, _, err := net.SplitHostPort(server); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if host == "" {
		return false
	}
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

// OnIntranet tells, for each of servers (as Intranet takes them), whether it is on this
// computer's own networks: all at once, the lookups bounded together by intranetLookupWait.
func OnIntranet(ctx context.Context, servers []string) []bool {
	out := make([]bool, len(servers))
	var wg sync.WaitGroup
	for i, s := range servers {
		wg.Go(func() { out[i] = Intranet(ctx, s) })
	}
	wg.Wait()
	return out
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
