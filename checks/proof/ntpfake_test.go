package proof

import (
	"encoding/binary"
	"net"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// ntpFake is a UDP responder on loopback that answers NTP queries the way a broken or hostile
// server would. It is the one fake of the matrix: no real NTP server sends a kiss-of-death, a
// bad stratum or garbage on demand. (checks/clock's tests have a responder of their own; a test
// helper of another package cannot be imported, so this one is written for the matrix's needs:
// a reply from another port, a delay, a packet mutated after it is built.)
type ntpFake struct {
	conn  net.PacketConn
	other net.PacketConn // the socket a reply "from another port" leaves by
	wg    sync.WaitGroup
	// queries counts the datagrams received: the clock check asks each server once a run.
	queries atomic.Int32
}

// ntpBehaviour is how the fake answers. The zero value answers a valid stratum-2 packet whose
// clock is Offset from this machine's.
type ntpBehaviour struct {
	Offset    time.Duration
	Silent    bool                // answer nothing
	Delay     time.Duration       // answer this late
	OtherPort bool                // answer from another source port
	Raw       []byte              // answer exactly these bytes
	Mutate    func(pkt []byte)    // change the valid packet before it is sent
	Reply     func([]byte) []byte // answer whatever this makes of the query (overrides the rest)
}

// startNTPFake listens on 127.0.0.1 and answers each query as b says, until the test ends.
func startNTPFake(t testing.TB, b ntpBehaviour) *ntpFake {
	t.Helper()
	f := &ntpFake{conn: listenUDP(t), other: listenUDP(t)}
	f.wg.Add(1)
	go f.serve(b)
	t.Cleanup(func() {
		f.conn.Close()
		f.other.Close()
		f.wg.Wait()
	})
	return f
}

func listenUDP(t testing.TB) net.PacketConn {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening on loopback UDP: %v", err)
	}
	return c
}

func (f *ntpFake) addr() string { return f.conn.LocalAddr().String() }

func (f *ntpFake) serve(b ntpBehaviour) {
	defer f.wg.Done()
	buf := make([]byte, 1500)
	for {
		n, from, err := f.conn.ReadFrom(buf)
		if err != nil {
			return
		}
		f.queries.Add(1)
		out := b.answer(buf[:n])
		if out == nil {
			continue
		}
		via := f.conn
		if b.OtherPort {
			via = f.other
		}
		if b.Delay > 0 {
			f.wg.Add(1)
			time.AfterFunc(b.Delay, func() { defer f.wg.Done(); _, _ = via.WriteTo(out, from) })
			continue
		}
		_, _ = via.WriteTo(out, from)
	}
}

// answer builds the reply to req, or nil for none.
func (b ntpBehaviour) answer(req []byte) []byte {
	switch {
	case b.Reply != nil:
		return b.Reply(req)
	case b.Silent:
		return nil
	case b.Raw != nil:
		return b.Raw
	}
	out := serverPacket(req, b.Offset)
	if out != nil && b.Mutate != nil {
		b.Mutate(out)
	}
	return out
}

// serverPacket is a valid NTPv4 server answer to req from a stratum-2 server whose clock is
// offset from this machine's, or nil when req is no NTP query.
func serverPacket(req []byte, offset time.Duration) []byte {
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
	binary.BigEndian.PutUint64(out[16:], ntpTime(now.Add(-16*time.Second)))
	copy(out[24:32], req[40:48]) // origin: the query's transmit time
	binary.BigEndian.PutUint64(out[32:], ntpTime(now))
	binary.BigEndian.PutUint64(out[40:], ntpTime(time.Now().Add(offset)))
	return out
}

// kiss turns a packet into a kiss-of-death with code (stratum 0, the code as reference id).
func kiss(code string) func([]byte) {
	return func(p []byte) {
		p[1] = 0
		copy(p[12:16], code)
	}
}

// ntpTime is t as an NTP era-0 timestamp.
func ntpTime(t time.Time) uint64 {
	const eraOffset = 2208988800 // seconds from 1900 to 1970
	secs := uint64(t.Unix() + eraOffset)
	frac := uint64(t.Nanosecond()) << 32 / 1e9
	return secs<<32 | frac
}
