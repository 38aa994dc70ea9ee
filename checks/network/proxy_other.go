//go:build !windows

package network

// systemProxy finds no system proxy beyond the environment's: on Linux the environment is the
// system setting, and macOS's per-network proxy settings are not read yet.
func systemProxy() (winProxy, bool) { return winProxy{}, false }
