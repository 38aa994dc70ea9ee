package network

import (
	"net/http"
	"testing"
)

// FuzzWinProxy: any registry values either give no proxy or a proxy that answers every
// request with a proxy URL of its own or direct, never a panic.
func FuzzWinProxy(f *testing.F) {
	f.Add(uint32(1), "proxy.corp:8080", "<local>;*.corp.example")
	f.Add(uint32(1), "http=p:80;https=q:443;socks=s:1080", "")
	f.Add(uint32(1), "http://[::1]:3128", "*")
	f.Add(uint32(0), "p:80", "")
	f.Add(uint32(1), "=;;=:", "*.*;<local>;;")
	f.Fuzz(func(t *testing.T, enable uint32, server, override string) {
		p, ok := parseWinProxy(enable, server, override)
		if !ok {
			return
		}
		for _, u := range []string{"https://accounts.zoho.com/", "http://connectivitycheck.gstatic.com/generate_204", "https://intranet/"} {
			req, err := http.NewRequest(http.MethodGet, u, nil)
			if err != nil {
				t.Fatal(err)
			}
			if proxy, err := p.forRequest(req); err == nil && proxy != nil && proxy.Host == "" {
				t.Fatalf("ProxyServer %q gave a proxy without a host for %s: %v", server, u, proxy)
			}
		}
	})
}
