package netcheck

import (
	"context"
	"encoding/binary"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// readNetTable reads the routes of every routing table over netlink (so that wg-quick's and
// Tailscale's policy tables are seen, which /proc/net/route leaves out) and the interfaces with
// their link types from /sys/class/net.
func readNetTable(context.Context) (netTable, error) {
	ifaces, names, err := listInterfaces(func(i net.Interface) ifaceKind { return linuxKind(i.Name, i.Flags) })
	if err != nil {
		return netTable{}, err
	}
	tab := netTable{Interfaces: ifaces}
	for _, family := range []int{syscall.AF_INET, syscall.AF_INET6} {
		routes, err := netlinkRoutes(family, names)
		if err != nil {
			return netTable{}, err
		}
		tab.Routes = append(tab.Routes, routes...)
	}
	return tab, nil
}

// linuxKind tells the link's kind from its ARPHRD type and, for TAP devices, which are
// Ethernet to the kernel, from the tun_flags that only tun and tap devices have.
func linuxKind(name string, flags net.Flags) ifaceKind {
	dir := filepath.Join("/sys/class/net", name)
	b, err := os.ReadFile(filepath.Join(dir, "type"))
	if err != nil {
		return kindOther
	}
	arphrd, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		return kindOther
	}
	_, tunErr := os.Stat(filepath.Join(dir, "tun_flags"))
	return kindOfARPHRD(name, arphrd, flags&net.FlagPointToPoint != 0, tunErr == nil)
}

// netlinkRoutes dumps the unicast routes of family from every table but the local one.
func netlinkRoutes(family int, names map[int]string) ([]netRoute, error) {
	raw, err := syscall.NetlinkRIB(syscall.RTM_GETROUTE, family)
	if err != nil {
		return nil, fmt.Errorf("netlink route dump: %w", err)
	}
	msgs, err := syscall.ParseNetlinkMessage(raw)
	if err != nil {
		return nil, fmt.Errorf("netlink route dump: %w", err)
	}
	var out []netRoute
	for i := range msgs {
		m := &msgs[i]
		if m.Header.Type != syscall.RTM_NEWROUTE || len(m.Data) < syscall.SizeofRtMsg {
			continue
		}
		rt := (*syscall.RtMsg)(unsafe.Pointer(&m.Data[0]))
		if rt.Type != unix.RTN_UNICAST {
			continue
		}
		attrs, err := syscall.ParseNetlinkRouteAttr(m)
		if err != nil {
			return nil, fmt.Errorf("netlink route attributes: %w", err)
		}
		r, table, ok := routeOf(rt, attrs, names)
		if ok && table != unix.RT_TABLE_LOCAL {
			r.Policy = table != unix.RT_TABLE_MAIN
			out = append(out, r)
		}
	}
	return out, nil
}

// routeOf reads one route's destination, interface, metric and table.
func routeOf(rt *syscall.RtMsg, attrs []syscall.NetlinkRouteAttr, names map[int]string) (netRoute, uint32, bool) {
	a := routeAttrs{dst: netip.IPv4Unspecified(), table: uint32(rt.Table)}
	if rt.Family == syscall.AF_INET6 {
		a.dst = netip.IPv6Unspecified()
	}
	for _, attr := range attrs {
		a.read(attr)
	}
	prefix, err := a.dst.Prefix(int(rt.Dst_len))
	if err != nil || names[a.oif] == "" {
		return netRoute{}, 0, false
	}
	return netRoute{Prefix: prefix, Interface: names[a.oif], Metric: a.metric}, a.table, true
}

// routeAttrs are the attributes of a route message that routeOf reads.
type routeAttrs struct {
	dst         netip.Addr
	oif, metric int
	table       uint32
}

// read takes one attribute; a value too short for its type is ignored.
func (a *routeAttrs) read(attr syscall.NetlinkRouteAttr) {
	v := attr.Value
	switch attr.Attr.Type {
	case unix.RTA_DST:
		if addr, ok := netip.AddrFromSlice(v); ok {
			a.dst = addr
		}
	case unix.RTA_OIF:
		if len(v) >= 4 {
			a.oif = int(binary.NativeEndian.Uint32(v))
		}
	case unix.RTA_PRIORITY:
		if len(v) >= 4 {
			a.metric = int(binary.NativeEndian.Uint32(v))
		}
	case unix.RTA_TABLE:
		if len(v) >= 4 {
			a.table = binary.NativeEndian.Uint32(v)
		}
	case unix.RTA_MULTIPATH:
		// The first next hop's interface stands for the route: struct rtnexthop is
		// {len u16, flags u8, hops u8, ifindex s32}.
		if a.oif == 0 && len(v) >= 8 {
			a.oif = int(int32(binary.NativeEndian.Uint32(v[4:8])))
		}
	}
}
