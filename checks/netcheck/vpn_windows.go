package netcheck

import (
	"context"
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// readNetTable reads the adapters (GetAdaptersAddresses) and the route table
// (GetIpForwardTable2) of both families.
func readNetTable(context.Context) (netTable, error) {
	adapters, err := windowsAdapters()
	if err != nil {
		return netTable{}, err
	}
	var table *windows.MibIpForwardTable2
	if err := windows.GetIpForwardTable2(windows.AF_UNSPEC, &table); err != nil {
		return netTable{}, fmt.Errorf("GetIpForwardTable2: %w", err)
	}
	defer windows.FreeMibTable(unsafe.Pointer(table))
	var routes []winRoute
	for _, row := range table.Rows() {
		routes = append(routes, winRoute{
			Luid:         row.InterfaceLuid,
			Family:       row.DestinationPrefix.Prefix.Family,
			Sockaddr:     *(*[winSockaddrIn]byte)(unsafe.Pointer(&row.DestinationPrefix.Prefix.Data)),
			PrefixLength: row.DestinationPrefix.PrefixLength,
			Metric:       row.Metric,
		})
	}
	return windowsTable(adapters, routes), nil
}

// windowsAdapters lists every adapter, growing the buffer as GetAdaptersAddresses asks.
func windowsAdapters() ([]winAdapter, error) {
	size := uint32(16 << 10)
	for range 4 {
		buf := make([]byte, size)
		first := (*windows.IpAdapterAddresses)(unsafe.Pointer(&buf[0]))
		flags := uint32(windows.GAA_FLAG_SKIP_ANYCAST | windows.GAA_FLAG_SKIP_MULTICAST | windows.GAA_FLAG_SKIP_DNS_SERVER)
		err := windows.GetAdaptersAddresses(windows.AF_UNSPEC, flags, 0, first, &size)
		if errors.Is(err, windows.ERROR_BUFFER_OVERFLOW) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("GetAdaptersAddresses: %w", err)
		}
		var out []winAdapter
		for a := first; a != nil; a = a.Next {
			out = append(out, winAdapter{
				Luid:         a.Luid,
				FriendlyName: windows.UTF16PtrToString(a.FriendlyName),
				Description:  windows.UTF16PtrToString(a.Description),
				IfType:       a.IfType,
				OperStatus:   a.OperStatus,
				Ipv4Metric:   a.Ipv4Metric,
				Ipv6Metric:   a.Ipv6Metric,
			})
		}
		return out, nil
	}
	return nil, errors.New("GetAdaptersAddresses: the adapter list kept growing")
}
