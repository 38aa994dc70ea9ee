package netcheck

import (
	"net/netip"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// Windows adapters as GetAdaptersAddresses reports them on machines with these clients.
var (
	winWiFi     = winAdapter{Luid: 1, FriendlyName: "Wi-Fi", Description: "Intel(R) Wi-Fi 6 AX201 160MHz", IfType: ifTypeWiFi, OperStatus: winOperUp, Ipv4Metric: 35, Ipv6Metric: 35}
	winLoopback = winAdapter{Luid: 2, FriendlyName: "Loopback Pseudo-Interface 1", Description: "Software Loopback Interface 1", IfType: ifTypeLoopback, OperStatus: winOperUp, Ipv4Metric: 75, Ipv6Metric: 75}
	winTeredo   = winAdapter{Luid: 3, FriendlyName: "Teredo Tunneling Pseudo-Interface", Description: "Teredo Tunneling Pseudo-Interface", IfType: ifTypeTunnel, OperStatus: winOperUp, Ipv6Metric: 50}
)

func winVPNAdapter(name, desc string, ifType uint32) winAdapter {
	return winAdapter{Luid: 9, FriendlyName: name, Description: desc, IfType: ifType, OperStatus: winOperUp, Ipv4Metric: 1, Ipv6Metric: 1}
}

// winRow is a MIB_IPFORWARD_ROW2 for prefix on the adapter with luid.
func winRow(luid uint64, prefix string, metric uint32) winRoute {
	p := netip.MustParsePrefix(prefix)
	r := winRoute{Luid: luid, PrefixLength: uint8(p.Bits()), Metric: metric}
	if p.Addr().Is4() {
		r.Family = winAFInet
		a := p.Addr().As4()
		copy(r.Sockaddr[0:4], a[:])
	} else {
		r.Family = winAFInet6
		a := p.Addr().As16()
		copy(r.Sockaddr[4:20], a[:])
	}
	return r
}

// winCase is a Windows machine's adapters and routes and what the vpn check must say.
type winCase struct {
	name     string
	adapters []winAdapter
	routes   []winRoute
	want     vpnCase
}

func TestVPNWindowsShapes(t *testing.T) {
	home := []winAdapter{winWiFi, winLoopback, winTeredo}
	homeRoutes := []winRoute{winRow(1, "0.0.0.0/0", 0), winRow(1, "192.168.1.0/24", 256), winRow(2, "127.0.0.0/8", 256), winRow(3, "::/0", 0)}
	with := func(a winAdapter, routes ...winRoute) ([]winAdapter, []winRoute) {
		return append(append([]winAdapter{}, home...), a), append(append([]winRoute{}, homeRoutes...), routes...)
	}
	tests := []winCase{
		{name: "given home Wi-Fi and Teredo holding ::/0 then there is no VPN", adapters: home, routes: homeRoutes,
			want: vpnCase{wantStatus: checks.OK, wantV4: "Wi-Fi"}},
	}
	vpnCases := []struct {
		name, friendly, desc, client string
		ifType                       uint32
		routes                       []string
	}{
		{"GlobalProtect", "Ethernet 2", "PANGP Virtual Ethernet Adapter", "GlobalProtect", ifTypeEthernet, []string{"0.0.0.0/0"}},
		{"AnyConnect", "Ethernet 3", "Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64", "Cisco Secure Client", ifTypeEthernet, []string{"0.0.0.0/0"}},
		{"FortiClient halves", "Ethernet 4", "Fortinet SSL VPN Virtual Ethernet Adapter", "FortiClient", ifTypeEthernet, []string{"0.0.0.0/1", "128.0.0.0/1"}},
		{"OpenVPN TAP halves", "Local Area Connection", "TAP-Windows Adapter V9", "OpenVPN", ifTypeEthernet, []string{"0.0.0.0/1", "128.0.0.0/1"}},
		{"WireGuard", "office", "WireGuard Tunnel", "WireGuard", ifTypePropVirtual, []string{"0.0.0.0/0", "::/0"}},
		{"Zscaler", "Ethernet 5", "Zscaler Network Adapter 1.0.2.0", "Zscaler", ifTypeEthernet, []string{"0.0.0.0/0"}},
		{"Windows' own VPN (PPP)", "Office VPN", "WAN Miniport (IKEv2)", "", ifTypePPP, []string{"0.0.0.0/0"}},
	}
	for _, v := range vpnCases {
		a := winVPNAdapter(v.friendly, v.desc, v.ifType)
		var rows []winRoute
		for _, p := range v.routes {
			rows = append(rows, winRow(a.Luid, p, 1))
		}
		ad, rt := with(a, rows...)
		tests = append(tests, winCase{name: "given " + v.name + " holding the default then it is active", adapters: ad, routes: rt,
			want: vpnCase{wantStatus: checks.Warn, wantIface: v.friendly, wantClient: v.client, wantListed: []string{v.friendly}, wantV4: v.friendly}})
	}
	split := winVPNAdapter("Ethernet 3", "Cisco AnyConnect Secure Mobility Client Virtual Miniport Adapter for Windows x64", ifTypeEthernet)
	ad, rt := with(split, winRow(9, "10.0.0.0/8", 1))
	tests = append(tests, winCase{name: "given an AnyConnect split tunnel then it is listed and not active", adapters: ad, routes: rt,
		want: vpnCase{wantStatus: checks.OK, wantListed: []string{"Ethernet 3"}, wantV4: "Wi-Fi"}})
	down := winVPNAdapter("Ethernet 2", "PANGP Virtual Ethernet Adapter", ifTypeEthernet)
	down.OperStatus = 2
	ad, rt = with(down, winRow(9, "0.0.0.0/0", 1))
	tests = append(tests, winCase{name: "given a disconnected GlobalProtect adapter then its stale route does not count", adapters: ad, routes: rt,
		want: vpnCase{wantStatus: checks.OK, wantListed: []string{"Ethernet 2"}, wantV4: "Wi-Fi"}})

	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.want.table = windowsTable(tc.adapters, tc.routes)
			runVPNCase(t, tc.want)
		})
	}
}

func TestVPNDarwinShapes(t *testing.T) {
	mac := []netIface{
		{Name: "lo0", Kind: kindOfDarwin("lo0", false, true)},
		{Name: "gif0", Kind: kindOfDarwin("gif0", true, false)},
		{Name: "stf0", Kind: kindOfDarwin("stf0", false, false)},
		{Name: "en0", Kind: kindOfDarwin("en0", false, false)},
		{Name: "awdl0", Kind: kindOfDarwin("awdl0", false, false)},
		{Name: "utun0", Kind: kindOfDarwin("utun0", true, false)},
		{Name: "utun1", Kind: kindOfDarwin("utun1", true, false)},
	}
	idle := []netRoute{mainRoute("0.0.0.0/0", "en0", 0), mainRoute("192.168.1.0/24", "en0", 0), mainRoute("fe80::/64", "utun0", 0), mainRoute("fe80::/64", "utun1", 0), mainRoute("::/0", "en0", 0)}
	with := func(i netIface, r ...netRoute) netTable {
		return netTable{Interfaces: append(append([]netIface{}, mac...), i), Routes: append(append([]netRoute{}, idle...), r...)}
	}
	tests := []vpnCase{
		{name: "given the idle utun devices macOS keeps then there is no VPN",
			table: netTable{Interfaces: mac, Routes: idle}, wantStatus: checks.OK, wantListed: []string{"utun0", "utun1"}, wantV4: "en0"},
		{name: "given WireGuard's halves on utun4 then it is active",
			table:      with(netIface{Name: "utun4", Kind: kindOfDarwin("utun4", true, false)}, mainRoute("0.0.0.0/1", "utun4", 0), mainRoute("128.0.0.0/1", "utun4", 0)),
			wantStatus: checks.Warn, wantIface: "utun4", wantListed: []string{"utun0", "utun1", "utun4"}, wantV4: "utun4"},
		{name: "given L2TP sending all traffic through ppp0 then it is active",
			table:      with(netIface{Name: "ppp0", Kind: kindOfDarwin("ppp0", true, false)}, mainRoute("0.0.0.0/1", "ppp0", 0), mainRoute("128.0.0.0/1", "ppp0", 0)),
			wantStatus: checks.Warn, wantIface: "ppp0", wantListed: []string{"utun0", "utun1", "ppp0"}, wantV4: "ppp0"},
		{name: "given IKEv2 on ipsec0 carrying both IPv6 halves then it is active",
			table:      with(netIface{Name: "ipsec0", Kind: kindOfDarwin("ipsec0", true, false)}, mainRoute("::/1", "ipsec0", 0), mainRoute("8000::/1", "ipsec0", 0)),
			wantStatus: checks.Warn, wantIface: "ipsec0", wantListed: []string{"utun0", "utun1", "ipsec0"}, wantV4: "en0"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { runVPNCase(t, tc) })
	}
}

func TestDarwinPrefix(t *testing.T) {
	tests := []struct {
		dst  string
		mask []byte
		host bool
		want string // "" for rejected
	}{
		{"0.0.0.0", []byte{0, 0, 0, 0}, false, "0.0.0.0/0"},
		{"0.0.0.0", nil, false, "0.0.0.0/0"},
		{"128.0.0.0", []byte{0x80, 0, 0, 0}, false, "128.0.0.0/1"},
		{"192.168.1.0", []byte{255, 255, 255, 0}, false, "192.168.1.0/24"},
		{"10.0.0.0", []byte{255, 0xf0}, false, "10.0.0.0/12"}, // trimmed by the kernel
		{"192.168.1.1", nil, true, "192.168.1.1/32"},
		{"192.168.1.7", nil, false, "192.168.1.7/32"},
		{"8000::", append([]byte{0x80}, make([]byte, 15)...), false, "8000::/1"},
		{"::", make([]byte, 16), false, "::/0"},
		{"10.0.0.0", []byte{255, 0, 255, 0}, false, ""},
		{"10.0.0.0", []byte{0xf1, 0, 0, 0}, false, ""},
	}
	for _, tc := range tests {
		got, ok := darwinPrefix(netip.MustParseAddr(tc.dst), tc.mask, tc.host)
		if (tc.want == "") == ok || (ok && got.String() != tc.want) {
			t.Errorf("darwinPrefix(%s, %v, %v) = %v %v, want %q", tc.dst, tc.mask, tc.host, got, ok, tc.want)
		}
	}
}

func TestKindOfARPHRD(t *testing.T) {
	tests := []struct {
		name        string
		arphrd      int
		ptp, tunTap bool
		want        ifaceKind
	}{
		{"eth0", arphrdEther, false, false, kindLAN},
		{"tap0", arphrdEther, false, true, kindTunnel},
		{"tun0", arphrdNone, true, true, kindTunnel},
		{"wg0", arphrdNone, true, false, kindTunnel},
		{"ppp0", arphrdPPP, true, false, kindPPP},
		{"sit0", arphrdSIT, false, false, kindOther},
		{"he-ipv6", arphrdSIT, true, false, kindTunnel},
		{"lo", arphrdLoopback, false, false, kindLoopback},
	}
	for _, tc := range tests {
		if got := kindOfARPHRD(tc.name, tc.arphrd, tc.ptp, tc.tunTap); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}
