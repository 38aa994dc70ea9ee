//go:build linux || darwin

package netcheck

import (
	"fmt"
	"net"
)

// listInterfaces lists the interfaces with the kind kindOf gives each, and their names by
// index, for the routes that name their interface by index (Linux, macOS).
func listInterfaces(kindOf func(net.Interface) ifaceKind) ([]netIface, map[int]string, error) {
	ifaces, err := net.Interfaces()
	if err != nil {
		return nil, nil, fmt.Errorf("listing interfaces: %w", err)
	}
	out := make([]netIface, 0, len(ifaces))
	names := make(map[int]string, len(ifaces))
	for _, i := range ifaces {
		names[i.Index] = i.Name
		out = append(out, netIface{Name: i.Name, Kind: kindOf(i)})
	}
	return out, names, nil
}
