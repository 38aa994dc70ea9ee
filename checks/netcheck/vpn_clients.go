package netcheck

import "strings"

// vpnClient is how a VPN client's adapter shows itself: by the start of its interface name
// (Linux, macOS, WireGuard tunnels on Windows) or by words in its adapter description
// (Windows), lower-case.
type vpnClient struct {
	name         string
	namePrefixes []string
	descWords    []string
}

// vpnClients are the clients people meet at work, with the names their adapters carry.
// Generic tunnels (tunN, utunN, pppN) are recognised by their kind, not listed here.
func vpnClients() []vpnClient {
	return []vpnClient{
		{name: "WireGuard", namePrefixes: []string{"wg"}, descWords: []string{"wireguard"}},
		{name: "OpenVPN", descWords: []string{"tap-windows", "tap0901", "openvpn"}},
		{name: "Cisco Secure Client", namePrefixes: []string{"cscotun"}, descWords: []string{"anyconnect", "cisco secure client", "cisco systems vpn"}},
		{name: "GlobalProtect", namePrefixes: []string{"gpd"}, descWords: []string{"pangp", "globalprotect"}},
		{name: "FortiClient", namePrefixes: []string{"fortissl", "fctvpn"}, descWords: []string{"fortinet", "forticlient", "fortissl"}},
		{name: "Zscaler", namePrefixes: []string{"zcctun"}, descWords: []string{"zscaler"}},
		{name: "Tailscale", namePrefixes: []string{"tailscale"}, descWords: []string{"tailscale"}},
		{name: "Check Point", descWords: []string{"check point virtual network adapter"}},
		{name: "Ivanti Secure Access", descWords: []string{"juniper networks virtual adapter", "pulse secure", "ivanti"}},
		{name: "SonicWall NetExtender", descWords: []string{"sonicwall"}},
		{name: "NordVPN", namePrefixes: []string{"nordlynx", "nordtun"}, descWords: []string{"nordlynx", "nordvpn"}},
		{name: "Proton VPN", namePrefixes: []string{"proton"}, descWords: []string{"protonvpn", "proton vpn"}},
	}
}

// knownClient returns the VPN client an interface belongs to, or "" when its name and
// description name none.
func knownClient(name, description string) string {
	name, description = strings.ToLower(name), strings.ToLower(description)
	for _, c := range vpnClients() {
		for _, p := range c.namePrefixes {
			if strings.HasPrefix(name, p) {
				return c.name
			}
		}
		for _, w := range c.descWords {
			if strings.Contains(description, w) || strings.Contains(name, w) {
				return c.name
			}
		}
	}
	return ""
}
