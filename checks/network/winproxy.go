package network

import (
	"net"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// winProxy is the Windows system proxy: the values of
// HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings that WinINet (Edge,
// Chrome, Office) reads. A PAC script (AutoConfigURL) is not evaluated: it needs a JavaScript
// engine, and a request it would have proxied then goes direct and fails, which the checks
// report.
type winProxy struct {
	http, https *url.URL // nil: direct for that scheme
	bypass      []string // ProxyOverride patterns, lower-case, "*" matching anything
	local       bool     // "<local>": bypass host names without a dot
}

// parseWinProxy reads the registry values: ProxyEnable (a DWORD), ProxyServer and
// ProxyOverride (strings). ok is false when no proxy is enabled. ProxyServer is either one
// "host:port" for every scheme, or "scheme=host:port" pairs separated by ";" (the shape
// "use a different proxy for each protocol" writes); either may carry "http://". A SOCKS
// proxy ("socks=host:port") is left out: WinINet speaks SOCKS 4 to it, which Go does not.
func parseWinProxy(enable uint32, server, override string) (winProxy, bool) {
	var p winProxy
	if enable == 0 || strings.TrimSpace(server) == "" {
		return p, false
	}
	for _, part := range strings.Split(server, ";") {
		part = strings.TrimSpace(part)
		scheme, addr, perScheme := strings.Cut(part, "=")
		if !perScheme {
			scheme, addr = "", part
		}
		u := proxyURL(addr)
		if u == nil {
			continue
		}
		switch strings.ToLower(strings.TrimSpace(scheme)) {
		case "":
			p.http, p.https = u, u
		case "http":
			p.http = u
		case "https":
			p.https = u
		}
	}
	for _, pat := range strings.Split(override, ";") {
		pat = strings.ToLower(strings.TrimSpace(pat))
		switch pat {
		case "":
		case "<local>":
			p.local = true
		case "<-loopback>":
			// Asks WinINet to proxy loopback too; Go never proxies loopback, nor does this.
		default:
			pat = strings.TrimPrefix(strings.TrimPrefix(pat, "http://"), "https://")
			p.bypass = append(p.bypass, pat)
		}
	}
	return p, p.http != nil || p.https != nil
}

// proxyURL turns a ProxyServer entry ("proxy:8080", "http://proxy:8080", "[::1]:8080")
// into a proxy URL, or nil when it is not one.
func proxyURL(addr string) *url.URL {
	addr = strings.TrimSpace(addr)
	if addr == "" {
		return nil
	}
	if !strings.Contains(addr, "://") {
		addr = "http://" + addr
	}
	u, err := url.Parse(addr)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	return u
}

// forRequest is the proxy for r, as an http.Transport's Proxy.
func (p winProxy) forRequest(r *http.Request) (*url.URL, error) {
	host := strings.ToLower(r.URL.Hostname())
	if host == "localhost" || p.bypassed(host) {
		return nil, nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil, nil
	}
	if r.URL.Scheme == "https" {
		return p.https, nil
	}
	return p.http, nil
}

// bypassed reports whether ProxyOverride sends host direct.
func (p winProxy) bypassed(host string) bool {
	if p.local && !strings.Contains(host, ".") && net.ParseIP(host) == nil {
		return true
	}
	for _, pat := range p.bypass {
		// Host names hold no "/", so path.Match's "*" matches across dots, as WinINet's does.
		if ok, _ := path.Match(pat, host); ok {
			return true
		}
	}
	return false
}
