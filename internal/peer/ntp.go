package peer

import (
	"encoding/binary"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// NTPResponder answers NTP queries on a loopback UDP port as its NTPBehaviour says. It is the
// one fake among the peers: no real NTP server sends a kiss-of-death, a bad stratum, a reply
// from another port or garbage on demand. chronyd (StartChrony) is the honest server.
type NTPResponder struct {
	conn  net.PacketConn
	other net.PacketConn // the socket a reply "from another port" leaves by
	wg    sync.WaitGroup
	// Queries counts the datagrams received: the clock check asks each server once a run.
	Queries atomic.Int32
}

// NTPBehaviour is how an NTPResponder answers. The zero value answers a valid stratum-2 packet
// whose clock is Offset from this machine's.
type NTPBehaviour struct {
	Offset    time.Duration
	Silent    bool                // answer nothing
	Delay     time.Duration       // answer this late
	OtherPort bool                // answer from another source port
	Raw       []byte              // answer exactly these bytes
	Mutate    func(pkt []byte)    // change the valid packet before it is sent
	Reply     func([]byte) []byte // answer whatever this makes of the query (overrides the rest)
}

// StartNTPResponder listens on 127.0.0.1 and answers each query as b says, until the test ends.
func StartNTPResponder(t testing.TB, b NTPBehaviour) *NTPResponder {
	t.Helper()
	r := &NTPResponder{conn: listenUDP(t), other: listenUDP(t)}
	r.wg.Add(1)
	go r.serve(b)
	t.Cleanup(func() {
		r.conn.Close()
		r.other.Close()
		r.wg.Wait()
	})
	return r
}

func listenUDP(t testing.TB) net.PacketConn {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening on loopback UDP: %v", err)
	}
	return c
}

// Addr is the responder's host:port.
func (r *NTPResponder) Addr() string { return r.conn.LocalAddr().String() }

func (r *NTPResponder) serve(b NTPBehaviour) {
	defer r.wg.Done()
	buf := make([]byte, 1500)
	for {
		n, from, err := r.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		r.Queries.Add(1)
		out := b.answer(buf[:n])
		if out == nil {
			continue
		}
		via := r.conn
		if b.OtherPort {
			via = r.other
		}
		if b.Delay > 0 {
			r.wg.Add(1)
			time.AfterFunc(b.Delay, func() { defer r.wg.Done(); _, _ = via.WriteTo(out, from) })
			continue
		}
		_, _ = via.WriteTo(out, from)
	}
}

// answer builds the reply to req, or nil for none.
func (b NTPBehaviour) answer(req []byte) []byte {
	switch {
	case b.Reply != nil:
		return b.Reply(req)
	case b.Silent:
		return nil
	case b.Raw != nil:
		return b.Raw
	}
	out := NTPServerPacket(req, b.Offset)
	if out != nil && b.Mutate != nil {
		b.Mutate(out)
	}
	return out
}

// NTPServerPacket is a valid NTPv4 server answer to req from a stratum-2 server whose clock is
// offset from this machine's, or nil when req is no NTP query.
func NTPServerPacket(req []byte, offset time.Duration) []byte {
	if len(req) < 48 {
		return nil
	}
	out := make([]byte, 48)
	out[0] = 0<<6 | 4<<3 | 4                        // no leap warning, version 4, mode 4 (server)
	out[1] = 2                                      // stratum
	out[2] = 6                                      // poll
	out[3] = 0xec                                   // precision 2^-20 s
	binary.BigEndian.PutUint32(out[8:], 0x00000100) // root dispersion ≈ 4 ms
	copy(out[12:16], []byte{127, 0, 0, 1})
	now := time.Now().Add(offset)
	binary.BigEndian.PutUint64(out[16:], NTPTime(now.Add(-16*time.Second)))
	copy(out[24:32], req[40:48]) // origin: the query's transmit time
	binary.BigEndian.PutUint64(out[32:], NTPTime(now))
	binary.BigEndian.PutUint64(out[40:], NTPTime(time.Now().Add(offset)))
	return out
}

// NTPKiss turns a packet into a kiss-of-death with code (stratum 0, the code as reference id).
func NTPKiss(code string) func([]byte) {
	return func(p []byte) {
		p[1] = 0
		copy(p[12:16], code)
	}
}

// NTPTime is t as an NTP era-0 timestamp.
func NTPTime(t time.Time) uint64 {
	const eraOffset = 2208988800 // seconds from 1900 to 1970
	secs := uint64(t.Unix() + eraOffset)
	frac := uint64(t.Nanosecond()) << 32 / 1e9
	return secs<<32 | frac
}
