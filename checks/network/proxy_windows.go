package network

import "golang.org/x/sys/windows/registry"

// systemProxy reads the current user's Internet Settings (see winProxy).
func systemProxy() (winProxy, bool) {
	k, err := registry.OpenKey(registry.CURRENT_USER,
		`Software\Microsoft\Windows\CurrentVersion\Internet Settings`, registry.QUERY_VALUE)
	if err != nil {
		return winProxy{}, false
	}
	defer k.Close()
	enable, _, err := k.GetIntegerValue("ProxyEnable")
	if err != nil {
		return winProxy{}, false
	}
	server, _, _ := k.GetStringValue("ProxyServer")
	override, _, _ := k.GetStringValue("ProxyOverride")
	return parseWinProxy(uint32(enable), server, override)
}
