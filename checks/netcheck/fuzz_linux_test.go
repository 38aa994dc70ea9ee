package netcheck

import (
	"encoding/binary"
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/sys/unix"
)

// FuzzNetlinkRoute: any route message the kernel could send (a header, then well-formed
// attributes of any type and value) either is left out or gives a valid prefix through a
// named interface. The attributes are framed here as the kernel frames them: the standard
// library's parser, not the check, reads the framing, and it panics on framing no kernel
// sends.
func FuzzNetlinkRoute(f *testing.F) {
	attr := func(typ uint16, v []byte) []byte {
		b := binary.NativeEndian.AppendUint16(nil, uint16(4+len(v)))
		b = binary.NativeEndian.AppendUint16(b, typ)
		b = append(b, v...)
		for len(b)%4 != 0 {
			b = append(b, 0)
		}
		return b
	}
	u32 := func(v uint32) []byte { return binary.NativeEndian.AppendUint32(nil, v) }
	seed := func(typ uint16, v []byte) []byte { return append([]byte{byte(typ), byte(len(v))}, v...) }
	defaultVia := append(seed(unix.RTA_OIF, u32(2)), seed(unix.RTA_PRIORITY, u32(100))...)
	f.Add(uint8(syscall.AF_INET), uint8(0), uint8(unix.RT_TABLE_MAIN), defaultVia)
	f.Add(uint8(syscall.AF_INET), uint8(1), uint8(unix.RT_TABLE_MAIN), append(seed(unix.RTA_DST, []byte{128, 0, 0, 0}), seed(unix.RTA_OIF, u32(3))...))
	f.Add(uint8(syscall.AF_INET6), uint8(0), uint8(0), append(seed(unix.RTA_TABLE, u32(51820)), seed(unix.RTA_MULTIPATH, []byte{16, 0, 0, 0, 3, 0, 0, 0})...))
	f.Add(uint8(syscall.AF_INET), uint8(33), uint8(0), seed(unix.RTA_DST, []byte{1, 2, 3}))
	names := map[int]string{1: "lo", 2: "eth0", 3: "tun0"}
	f.Fuzz(func(t *testing.T, family, dstLen, table uint8, attrs []byte) {
		head := syscall.RtMsg{Family: family, Dst_len: dstLen, Table: table, Type: unix.RTN_UNICAST}
		data := append([]byte(nil), unsafe.Slice((*byte)(unsafe.Pointer(&head)), syscall.SizeofRtMsg)...)
		// Each attribute in attrs: a type byte, a length byte, then that many bytes of value.
		for len(attrs) >= 2 {
			n := min(int(attrs[1]), len(attrs)-2)
			data = append(data, attr(uint16(attrs[0]), attrs[2:2+n])...)
			attrs = attrs[2+n:]
		}
		msg := syscall.NetlinkMessage{Header: syscall.NlMsghdr{Type: syscall.RTM_NEWROUTE}, Data: data}
		parsed, err := syscall.ParseNetlinkRouteAttr(&msg)
		if err != nil {
			return
		}
		r, _, ok := routeOf(&head, parsed, names)
		if ok && (!r.Prefix.IsValid() || r.Interface == "") {
			t.Fatalf("route %+v from %x", r, data)
		}
	})
}
