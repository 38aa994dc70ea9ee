package network

import (
	"net/http"
	"net/url"
	"testing"
)

// The registry values are shapes seen on real machines: the Settings app's single proxy,
// Internet Options' per-protocol proxies, Fiddler's, and ProxyOverride lists.
func TestParseWinProxy(t *testing.T) {
	tests := []struct {
		name     string
		enable   uint32
		server   string
		override string
		request  string
		want     string // "" means direct
		wantOK   bool
	}{
		{"given ProxyEnable 0 then no proxy", 0, "proxy.corp.example:8080", "", "https://accounts.zoho.com", "", false},
		{"given an empty ProxyServer then no proxy", 1, "", "<local>", "https://accounts.zoho.com", "", false},
		{"given one host:port then it serves https", 1, "proxy.corp.example:8080", "", "https://accounts.zoho.com", "http://proxy.corp.example:8080", true},
		{"given one host:port then it serves http", 1, "proxy.corp.example:8080", "", "http://connectivitycheck.gstatic.com/generate_204", "http://proxy.corp.example:8080", true},
		{"given a scheme in ProxyServer then it is kept", 1, "http://10.0.0.5:3128", "", "https://api.ipify.org", "http://10.0.0.5:3128", true},
		{"given per-protocol proxies then https uses its own", 1, "http=web.corp.example:80;https=secure.corp.example:443;ftp=ftp.corp.example:21", "", "https://api.ipify.org", "http://secure.corp.example:443", true},
		{"given per-protocol proxies then http uses its own", 1, "http=web.corp.example:80;https=secure.corp.example:443", "", "http://icanhazip.com", "http://web.corp.example:80", true},
		{"given Fiddler's shape then both go to it", 1, "http=127.0.0.1:8888;https=127.0.0.1:8888", "<-loopback>", "https://accounts.zoho.com", "http://127.0.0.1:8888", true},
		{"given only http= then https goes direct", 1, "http=web.corp.example:80", "", "https://accounts.zoho.com", "", true},
		{"given only socks then no usable proxy", 1, "socks=socks.corp.example:1080", "", "https://accounts.zoho.com", "", false},
		{"given an IPv6 proxy then it is parsed", 1, "[fd00::8]:3128", "", "https://accounts.zoho.com", "http://[fd00::8]:3128", true},
		{"given <local> then a dotless host goes direct", 1, "proxy:8080", "<local>", "http://intranet/", "", true},
		{"given <local> then a dotted host is proxied", 1, "proxy:8080", "<local>", "http://intranet.corp.example/", "http://proxy:8080", true},
		{"given a wildcard domain then it goes direct", 1, "proxy:8080", "*.corp.example;<local>", "https://wiki.corp.example/", "", true},
		{"given a wildcard domain then others are proxied", 1, "proxy:8080", "*.corp.example;<local>", "https://accounts.zoho.com/", "http://proxy:8080", true},
		{"given an address wildcard then it goes direct", 1, "proxy:8080", "10.*;192.168.*", "http://10.1.2.3/", "", true},
		{"given spaces and case then they are ignored", 1, " proxy:8080 ", " *.ZOHO.com ; <local> ", "https://accounts.zoho.com/", "", true},
		{"given an exact host then it goes direct", 1, "proxy:8080", "accounts.zoho.com", "https://accounts.zoho.com/", "", true},
		{"given a loopback request then it goes direct", 1, "proxy:8080", "", "http://127.0.0.1:8080/", "", true},
		{"given localhost then it goes direct", 1, "proxy:8080", "", "http://localhost:8080/", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, ok := parseWinProxy(tt.enable, tt.server, tt.override)
			if ok != tt.wantOK {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.wantOK, p)
			}
			if !ok {
				return
			}
			u, _ := url.Parse(tt.request)
			got, err := p.forRequest(&http.Request{URL: u})
			if err != nil {
				t.Fatal(err)
			}
			gotS := ""
			if got != nil {
				gotS = got.String()
			}
			if gotS != tt.want {
				t.Fatalf("proxy for %s = %q, want %q", tt.request, gotS, tt.want)
			}
		})
	}
}
