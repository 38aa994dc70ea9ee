package netcheck

import (
	"errors"
	"net/netip"
	"testing"
)

func TestIsPublic(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"1.2.3.4", true},
		{"8.8.8.8", true},
		{"100.63.255.255", true}, // just below CGNAT
		{"100.128.0.0", true},    // just above CGNAT
		{"2a02:1::5", true},
		{"2001::1", true}, // Teredo is globally reachable
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.10", false},
		{"100.64.0.1", false}, // CGNAT
		{"100.127.255.255", false},
		{"127.0.0.1", false},
		{"169.254.1.1", false},
		{"0.1.2.3", false},
		{"192.0.0.9", false},
		{"192.0.2.7", false}, // documentation
		{"198.51.100.7", false},
		{"203.0.113.7", false},
		{"198.18.0.1", false}, // benchmarking
		{"224.0.0.1", false},
		{"240.0.0.1", false},
		{"255.255.255.255", false},
		{"::1", false},
		{"::", false},
		{"fe80::1", false},
		{"fd00::2", false},
		{"fc00::1", false},
		{"ff02::1", false},
		{"2001:db8::1", false},
		{"3fff::1", false},
		{"64:ff9b::102:304", false},
		{"::ffff:1.2.3.4", false},
		{"4000::1", false}, // outside 2000::/3
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			if got := IsPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
				t.Fatalf("IsPublic(%s) = %v, want %v", tt.addr, got, tt.want)
			}
		})
	}
}

func TestParseEchoAnswer(t *testing.T) {
	tests := []struct {
		name    string
		body    string
		family  string
		want    string
		wantErr error
	}{
		{"given a bare IPv4 then it is the answer", "1.2.3.4", ipv4, "1.2.3.4", nil},
		{"given a line end (icanhazip) then it is trimmed", "1.2.3.4\n", ipv4, "1.2.3.4", nil},
		{"given CRLF and spaces then they are trimmed", "  1.2.3.4\r\n", ipv4, "1.2.3.4", nil},
		{"given an IPv6 then it is the answer", "2a02:1::5\n", ipv6, "2a02:1::5", nil},
		{"given an empty body then no answer", "", ipv4, "", errEmpty},
		{"given only spaces then no answer", " \n", ipv4, "", errEmpty},
		{"given an HTML page then no answer", "<html><body>1.2.3.4</body></html>", ipv4, "", errHTML},
		{"given JSON then no answer", `{"ip":"1.2.3.4"}`, ipv4, "", errNotAddr},
		{"given two addresses then no answer", "1.2.3.4 5.6.7.8", ipv4, "", errNotAddr},
		{"given two lines then no answer", "1.2.3.4\n5.6.7.8\n", ipv4, "", errNotAddr},
		{"given a leading zero then no answer", "01.2.3.4", ipv4, "", errNotAddr},
		{"given a zone then no answer", "fe80::1%eth0", ipv6, "", errNotAddr},
		{"given a 4in6 address then no answer", "::ffff:1.2.3.4", ipv6, "", errNotAddr},
		{"given a text then no answer", "Current IP Address: 1.2.3.4", ipv4, "", errNotAddr},
		{"given IPv4 for an IPv6 request then no answer", "1.2.3.4", ipv6, "", errFamily},
		{"given IPv6 for an IPv4 request then no answer", "2a02:1::5", ipv4, "", errFamily},
		{"given a private address then no answer", "192.168.1.10", ipv4, "", errNotPublic},
		{"given a CGNAT address then no answer", "100.64.1.1", ipv4, "", errNotPublic},
		{"given a documentation address then no answer", "203.0.113.7", ipv4, "", errNotPublic},
		{"given a ULA then no answer", "fd00::2", ipv6, "", errNotPublic},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseEchoAnswer([]byte(tt.body), tt.family)
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("got %v, %v; want error %v", got, err, tt.wantErr)
				}
				return
			}
			if err != nil || got.String() != tt.want {
				t.Fatalf("got %v, %v; want %s", got, err, tt.want)
			}
		})
	}
}
