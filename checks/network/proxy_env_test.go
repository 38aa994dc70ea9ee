package network

import "testing"

// The proxy of the environment, as Linux and macOS desktops and IT's scripts set it: NO_PROXY
// sends the hosts it names direct (a suffix with or without its dot, an address), everything
// else through the proxy, https by HTTPS_PROXY and http by HTTP_PROXY.
func TestSystemProxyHonoursNoProxy(t *testing.T) {
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(k, "")
	}
	t.Setenv("HTTPS_PROXY", "http://proxy.corp.example:8080")
	t.Setenv("HTTP_PROXY", "http://proxy.corp.example:3128")
	t.Setenv("NO_PROXY", ".intranet.example,zoho.jp,10.1.2.3")
	tests := []struct{ url, want string }{
		{"https://accounts.zoho.com/", "http://proxy.corp.example:8080"},
		{"http://connectivitycheck.gstatic.com/generate_204", "http://proxy.corp.example:3128"},
		{"https://sso.intranet.example/", ""},
		{"https://accounts.zoho.jp/", ""},
		{"https://10.1.2.3/", ""},
		{"https://127.0.0.1:8443/", ""}, // loopback is never proxied
	}
	proxy := SystemProxy()
	for _, tt := range tests {
		if got := ProxyFor(proxy, tt.url); got != tt.want {
			t.Errorf("ProxyFor(%s) = %q, want %q", tt.url, got, tt.want)
		}
	}
}
