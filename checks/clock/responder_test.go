package clock

import (
	"context"
	"encoding/binary"
	"net"
	"sync/atomic"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// responder is a UDP server on loopback that answers each datagram with what reply makes of
// it (nothing when reply returns nil). It is the one fake of these tests: no real NTP server
// sends a kiss-of-death, a bad stratum or garbage on demand.
type responder struct {
	conn     net.PacketConn
	received atomic.Int32
}

func startResponder(t *testing.T, reply func(req []byte) []byte) *responder {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listening on loopback UDP: %v", err)
	}
	r := &responder{conn: conn}
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 1024)
		for {
			n, from, err := conn.ReadFrom(buf)
			if err != nil {
				return
			}
			r.received.Add(1)
			if out := reply(buf[:n]); out != nil {
				_, _ = conn.WriteTo(out, from)
			}
		}
	}()
	t.Cleanup(func() { conn.Close(); <-done })
	return r
}

func (r *responder) addr() string { return r.conn.LocalAddr().String() }

// ntpReply describes a server answer; the zero value plus Offset is a valid stratum-2 answer.
type ntpReply struct {
	Offset     time.Duration // the server's clock minus this machine's
	Leap       byte
	Stratum    byte // 0 means 2; use kiss for stratum 0
	Kiss       string
	RootDisp   time.Duration
	WrongOrign bool
}

// answer builds the 48-byte NTPv4 server packet for req.
func (a ntpReply) answer(req []byte) []byte {
	if len(req) < 48 {
		return nil
	}
	out := make([]byte, 48)
	stratum := a.Stratum
	if stratum == 0 {
		stratum = 2
	}
	if a.Kiss != "" {
		stratum = 0
	}
	out[0] = a.Leap<<6 | 4<<3 | 4 // leap, version 4, mode 4 (server)
	out[1] = stratum
	out[2] = 6
	out[3] = 0xec // precision 2^-20 s
	binary.BigEndian.PutUint32(out[8:], uint32(a.RootDisp.Seconds()*65536))
	if a.Kiss != "" {
		copy(out[12:16], a.Kiss)
	} else {
		copy(out[12:16], []byte{127, 0, 0, 1})
	}
	now := time.Now().Add(a.Offset)
	binary.BigEndian.PutUint64(out[16:], ntpTime(now.Add(-16*time.Second)))
	copy(out[24:32], req[40:48])
	if a.WrongOrign {
		out[24] ^= 0xff
	}
	binary.BigEndian.PutUint64(out[32:], ntpTime(now))
	binary.BigEndian.PutUint64(out[40:], ntpTime(time.Now().Add(a.Offset)))
	return out
}

// ntpTime is t as an NTP era-0 timestamp.
func ntpTime(t time.Time) uint64 {
	const eraOffset = 2208988800 // seconds from 1900 to 1970
	secs := uint64(t.Unix() + eraOffset)
	frac := uint64(t.Nanosecond()) << 32 / 1e9
	return secs<<32 | frac
}

// priorResults is a checks.Prior holding given results.
type priorResults map[string]checks.Result

func (p priorResults) Result(id string) (checks.Result, bool) {
	r, ok := p[id]
	return r, ok
}

// Done is closed for the results the map holds: they are finished.
func (p priorResults) Done(id string) <-chan struct{} {
	if _, ok := p[id]; !ok {
		return nil
	}
	done := make(chan struct{})
	close(done)
	return done
}

// run runs c once under its own deadline, as the engine would; prior may be nil, as for a
// check run on its own.
func run(t *testing.T, c *Check, prior checks.Prior) checks.Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), c.Spec().Timeout)
	defer cancel()
	return c.Run(ctx, prior)
}

// outcomes returns the details' per-server outcomes.
func outcomes(t *testing.T, r checks.Result) []ServerOutcome {
	t.Helper()
	o, ok := r.Details["servers"].([]ServerOutcome)
	if !ok {
		t.Fatalf("details have no servers list: %#v", r.Details)
	}
	return o
}

// closedAddr returns a loopback address where nothing listens on network ("tcp" or "udp"):
// the kernel refuses at once.
func closedAddr(t *testing.T, network string) string {
	t.Helper()
	var l interface {
		Close() error
		LocalAddr() net.Addr
	}
	var err error
	if network == "udp" {
		l, err = net.ListenPacket(network, "127.0.0.1:0")
	} else {
		var tl net.Listener
		tl, err = net.Listen(network, "127.0.0.1:0")
		if err == nil {
			l = tcpListener{tl}
		}
	}
	if err != nil {
		t.Fatalf("finding a free %s port: %v", network, err)
	}
	defer l.Close()
	return l.LocalAddr().String()
}

// tcpListener gives a net.Listener the LocalAddr method of a net.PacketConn.
type tcpListener struct{ net.Listener }

func (l tcpListener) LocalAddr() net.Addr { return l.Addr() }
