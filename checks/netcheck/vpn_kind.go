package netcheck

import (
	"regexp"
	"strings"
)

// Link types the kinds below tell apart: Linux ARPHRD_* (if_arp.h) and Windows IF_TYPE_*
// (ipifcons.h). They are numbers of the OSs' ABIs, kept here so that every OS's decision is
// tested on every OS.
const (
	arphrdEther    = 1
	arphrdPPP      = 512
	arphrdIPIP     = 768
	arphrdTunnel6  = 769
	arphrdSIT      = 776
	arphrdIPGRE    = 778
	arphrdLoopback = 772
	arphrdIP6GRE   = 823
	arphrdNone     = 65534 // tun devices and WireGuard: no link-layer header

	ifTypeEthernet    = 6
	ifTypePPP         = 23
	ifTypeLoopback    = 24
	ifTypePropVirtual = 53 // Wintun (WireGuard, Tailscale) and other VPN adapters
	ifTypeWiFi        = 71
	ifTypeTunnel      = 131
)

// fallbackTunnel matches the devices Linux makes by itself when a tunnel module loads (sit0,
// tunl0, gre0, ip6tnl0 …): they exist on most machines and are no one's VPN.
var fallbackTunnel = regexp.MustCompile(`^(sit|tunl|gre|gretap|erspan|ip6tnl|ip6gre|ip6erspan|ip_vti|ip6_vti)0$`)

// kindOfARPHRD is the kind of a Linux link. tunTap says the device has tun_flags: a tun or tap
// device, which makes an Ethernet link a TAP adapter (OpenVPN in tap mode).
func kindOfARPHRD(name string, arphrd int, pointToPoint, tunTap bool) ifaceKind {
	if fallbackTunnel.MatchString(name) {
		return kindOther
	}
	switch arphrd {
	case arphrdLoopback:
		return kindLoopback
	case arphrdNone, arphrdIPIP, arphrdTunnel6, arphrdSIT, arphrdIPGRE, arphrdIP6GRE:
		return kindTunnel
	case arphrdPPP:
		return kindPPP
	case arphrdEther:
		if tunTap {
			return kindTunnel
		}
		return kindLAN
	}
	if pointToPoint {
		return kindPPP
	}
	return kindOther
}

// transitionWords name Windows' IPv6 transition tunnels, which hold a ::/0 route on many
// machines without being anyone's VPN.
var transitionWords = []string{"teredo", "isatap", "6to4", "ip-https"}

// kindOfIfType is the kind of a Windows adapter from its IfType and description.
func kindOfIfType(ifType uint32, description string) ifaceKind {
	d := strings.ToLower(description)
	for _, w := range transitionWords {
		if strings.Contains(d, w) {
			return kindOther
		}
	}
	switch ifType {
	case ifTypeTunnel, ifTypePropVirtual:
		return kindTunnel
	case ifTypePPP:
		return kindPPP
	case ifTypeLoopback:
		return kindLoopback
	case ifTypeEthernet, ifTypeWiFi:
		return kindLAN
	}
	return kindOther
}

// darwinTunnel matches macOS's tunnel devices: utun (WireGuard, Cisco, GlobalProtect, iCloud
// Private Relay, and idle ones the system keeps), ipsec (IKEv2 and Cisco IPsec), tun and tap
// (tuntaposx). gif0 and stf0 exist on every Mac and are left out.
var darwinTunnel = regexp.MustCompile(`^(utun|ipsec|tun|tap)[0-9]+$`)

// kindOfDarwin is the kind of a macOS interface from its name and flags.
func kindOfDarwin(name string, pointToPoint, loopback bool) ifaceKind {
	switch {
	case loopback:
		return kindLoopback
	case darwinTunnel.MatchString(name):
		return kindTunnel
	case strings.HasPrefix(name, "ppp"), pointToPoint && !strings.HasPrefix(name, "gif") && !strings.HasPrefix(name, "stf"):
		return kindPPP
	case strings.HasPrefix(name, "en"), strings.HasPrefix(name, "bridge"):
		return kindLAN
	}
	return kindOther
}
