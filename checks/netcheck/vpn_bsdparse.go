package netcheck

import (
	"math/bits"
	"net/netip"
)

// darwinPrefix makes a route's prefix from a routing message's destination and netmask. The
// kernel trims a netmask's trailing zero bytes and leaves it out of host routes; a default
// route may come with an empty netmask or none.
func darwinPrefix(dst netip.Addr, mask []byte, host bool) (netip.Prefix, bool) {
	if host {
		return netip.PrefixFrom(dst, dst.BitLen()), true
	}
	if mask == nil {
		if dst.IsUnspecified() {
			return netip.PrefixFrom(dst, 0), true
		}
		return netip.PrefixFrom(dst, dst.BitLen()), true
	}
	ones, done := 0, false
	for _, b := range mask {
		switch {
		case done && b != 0:
			return netip.Prefix{}, false // not contiguous
		case b == 0xff:
			ones += 8
		default:
			n := bits.LeadingZeros8(^b)
			if b<<n != 0 {
				return netip.Prefix{}, false
			}
			ones += n
			done = true
		}
	}
	if ones > dst.BitLen() {
		return netip.Prefix{}, false
	}
	return netip.PrefixFrom(dst, ones).Masked(), true
}
