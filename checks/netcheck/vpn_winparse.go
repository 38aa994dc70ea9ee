package netcheck

import "net/netip"

// Windows' numbers for what GetAdaptersAddresses and GetIpForwardTable2 return (ws2def.h,
// ifdef.h), kept untagged so that the conversion below is tested on every OS.
const (
	winAFInet     = 2
	winAFInet6    = 23
	winOperUp     = 1 // IfOperStatusUp
	winSockaddrIn = 24
)

// winAdapter is the part of an IP_ADAPTER_ADDRESSES entry the vpn check reads.
type winAdapter struct {
	Luid         uint64
	FriendlyName string // "Ethernet 2", "Wi-Fi", "Local Area Connection* 12"
	Description  string // "PANGP Virtual Ethernet Adapter"
	IfType       uint32
	OperStatus   uint32
	Ipv4Metric   uint32
	Ipv6Metric   uint32
}

// winRoute is the part of a MIB_IPFORWARD_ROW2 the vpn check reads. Sockaddr is the
// destination's SOCKADDR_INET after its family and port: for AF_INET the address is its first
// 4 bytes, for AF_INET6 bytes 4 to 20 (after the flow info).
type winRoute struct {
	Luid         uint64
	Family       uint16
	Sockaddr     [winSockaddrIn]byte
	PrefixLength uint8
	Metric       uint32
}

// windowsTable turns Windows' adapters and routes into the vpn check's table. A route counts
// only while its adapter is up, and with its adapter's metric added, as Windows chooses.
func windowsTable(adapters []winAdapter, routes []winRoute) netTable {
	var tab netTable
	byLuid := make(map[uint64]winAdapter, len(adapters))
	for _, a := range adapters {
		byLuid[a.Luid] = a
		tab.Interfaces = append(tab.Interfaces, netIface{
			Name:        a.FriendlyName,
			Description: a.Description,
			Kind:        kindOfIfType(a.IfType, a.Description),
		})
	}
	for _, r := range routes {
		a, ok := byLuid[r.Luid]
		if !ok || a.OperStatus != winOperUp {
			continue
		}
		var addr netip.Addr
		metric := r.Metric
		switch r.Family {
		case winAFInet:
			addr = netip.AddrFrom4([4]byte(r.Sockaddr[0:4]))
			metric += a.Ipv4Metric
		case winAFInet6:
			addr = netip.AddrFrom16([16]byte(r.Sockaddr[4:20]))
			metric += a.Ipv6Metric
		default:
			continue
		}
		prefix, err := addr.Prefix(int(r.PrefixLength))
		if err != nil {
			continue
		}
		tab.Routes = append(tab.Routes, netRoute{Prefix: prefix, Interface: a.FriendlyName, Metric: int(metric)})
	}
	return tab
}
