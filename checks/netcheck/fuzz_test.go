package netcheck

import (
	"bytes"
	"net/netip"
	"strings"
	"testing"
)

// FuzzEchoAnswer: whatever an echo service sends, an accepted answer is one public address of
// the asked family that is the whole body, spaces aside.
func FuzzEchoAnswer(f *testing.F) {
	for _, s := range []string{"1.2.3.4\n", "2606:4700::1111", " 8.8.8.8 ", "<html>1.2.3.4</html>", "::ffff:1.2.3.4",
		"fe80::1%eth0", "1.2.3.4\n5.6.7.8", "001.002.003.004", "10.0.0.1", "", "\x00", "2001:db8::1"} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, body []byte, v4 bool) {
		family := ipv6
		if v4 {
			family = ipv4
		}
		a, err := parseEchoAnswer(body, family)
		if err != nil {
			return
		}
		if want, err := netip.ParseAddr(string(bytes.TrimSpace(body))); err != nil || want != a || !IsPublic(a) || a.Is4() != v4 {
			t.Fatalf("accepted %s for %s from %q", a, family, body)
		}
	})
}

// FuzzWindowsTable: any adapters and routes, as the Windows APIs could return them, give a
// table whose routes each leave by a known adapter, and a verdict without a panic.
func FuzzWindowsTable(f *testing.F) {
	f.Add([]byte("\x00\x00\x00\x00\x00\x00\x00\x00"), "PANGP Virtual Ethernet Adapter", uint32(6), uint32(1), uint16(winAFInet), uint8(0), uint32(5))
	f.Add([]byte("\x01\x02\x03\x04"), "WireGuard Tunnel", uint32(53), uint32(1), uint16(winAFInet6), uint8(1), uint32(0))
	f.Add([]byte{}, "", uint32(0), uint32(2), uint16(7), uint8(200), uint32(1<<31))
	f.Fuzz(func(t *testing.T, sockaddr []byte, desc string, ifType, oper uint32, family uint16, prefixLen uint8, metric uint32) {
		a := winAdapter{Luid: 7, FriendlyName: "Ethernet 2", Description: desc, IfType: ifType, OperStatus: oper, Ipv4Metric: metric, Ipv6Metric: metric}
		r := winRoute{Luid: 7, Family: family, PrefixLength: prefixLen, Metric: metric}
		copy(r.Sockaddr[:], sockaddr)
		tab := windowsTable([]winAdapter{a}, []winRoute{r, {Luid: 8, Family: winAFInet}})
		for _, rt := range tab.Routes {
			if rt.Interface != a.FriendlyName || !rt.Prefix.IsValid() {
				t.Fatalf("route %+v from %+v", rt, r)
			}
		}
		_ = decideVPN(tab)
	})
}

// FuzzDarwinPrefix: any netmask bytes give a valid, masked prefix no longer than the address,
// or nothing.
func FuzzDarwinPrefix(f *testing.F) {
	f.Add([]byte{10, 0, 0, 0}, []byte{0xff, 0xff, 0xff}, false)
	f.Add([]byte{0, 0, 0, 0}, []byte{}, false)
	f.Add(netip.MustParseAddr("fd00::").AsSlice(), []byte{0xff, 0xf0, 0x01}, false)
	f.Add([]byte{1, 2, 3, 4}, []byte(nil), true)
	f.Fuzz(func(t *testing.T, dst, mask []byte, host bool) {
		addr, ok := netip.AddrFromSlice(dst)
		if !ok {
			return
		}
		p, ok := darwinPrefix(addr, mask, host)
		if ok && (!p.IsValid() || p.Bits() > addr.BitLen() || (!host && p != p.Masked())) {
			t.Fatalf("darwinPrefix(%s, %x, %v) = %s", addr, mask, host, p)
		}
	})
}

// FuzzMailGreeting: whatever a mail server sends first, the greeting reader returns (an error
// or not) without a panic, and never accepts a greeting of the wrong protocol's shape.
func FuzzMailGreeting(f *testing.F) {
	f.Add([]byte("* OK [CAPABILITY IMAP4rev1] Dovecot ready.\r\n"), "imaps")
	f.Add([]byte("220 smtp.example.com ESMTP Postfix\r\n"), "smtps")
	f.Add([]byte("220-first\r\n220 last\r\n"), "smtp")
	f.Add([]byte("HTTP/1.1 400 Bad Request\r\n\r\n"), "imaps")
	f.Add([]byte("554 no service\r\n"), "smtp")
	f.Fuzz(func(t *testing.T, data []byte, scheme string) {
		err := readGreeting(newMailReader(bytes.NewReader(data)), scheme)
		imap := strings.HasPrefix(string(data), "* OK") || strings.HasPrefix(string(data), "* PREAUTH")
		if err == nil && scheme == "imaps" && !imap {
			t.Fatalf("IMAP greeting %q accepted", data)
		}
		if err == nil && scheme != "imaps" && !strings.HasPrefix(string(data), "220") {
			t.Fatalf("SMTP greeting %q accepted", data)
		}
	})
}
