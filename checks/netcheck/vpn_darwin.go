package netcheck

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"syscall"

	"golang.org/x/net/route"
	"golang.org/x/sys/unix"
)

// readNetTable reads the interfaces and the routing table (a routing-socket dump). Scoped
// routes (RTF_IFSCOPE), which macOS keeps for every interface beside the primary ones, are
// left out: they carry only traffic bound to their interface.
func readNetTable(context.Context) (netTable, error) {
	ifaces, names, err := listInterfaces(func(i net.Interface) ifaceKind {
		return kindOfDarwin(i.Name, i.Flags&net.FlagPointToPoint != 0, i.Flags&net.FlagLoopback != 0)
	})
	if err != nil {
		return netTable{}, err
	}
	tab := netTable{Interfaces: ifaces}
	raw, err := route.FetchRIB(syscall.AF_UNSPEC, route.RIBTypeRoute, 0)
	if err != nil {
		return netTable{}, fmt.Errorf("routing table: %w", err)
	}
	msgs, err := route.ParseRIB(route.RIBTypeRoute, raw)
	if err != nil {
		return netTable{}, fmt.Errorf("routing table: %w", err)
	}
	for _, m := range msgs {
		rm, ok := m.(*route.RouteMessage)
		if !ok || rm.Flags&unix.RTF_UP == 0 || rm.Flags&unix.RTF_IFSCOPE != 0 || names[rm.Index] == "" {
			continue
		}
		if len(rm.Addrs) <= unix.RTAX_NETMASK {
			continue
		}
		dst, ok := darwinAddr(rm.Addrs[unix.RTAX_DST])
		if !ok {
			continue
		}
		var mask []byte
		if m, ok := darwinAddr(rm.Addrs[unix.RTAX_NETMASK]); ok {
			mask = m.AsSlice()
		}
		prefix, ok := darwinPrefix(dst, mask, rm.Flags&unix.RTF_HOST != 0)
		if ok {
			tab.Routes = append(tab.Routes, netRoute{Prefix: prefix, Interface: names[rm.Index]})
		}
	}
	return tab, nil
}

func darwinAddr(a route.Addr) (netip.Addr, bool) {
	switch a := a.(type) {
	case *route.Inet4Addr:
		return netip.AddrFrom4(a.IP), true
	case *route.Inet6Addr:
		return netip.AddrFrom16(a.IP), true
	}
	return netip.Addr{}, false
}
