package clock

import (
	"context"
	"encoding/binary"
	"net"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// ntpReply describes a server answer; the zero value plus Offset is a valid stratum-2 answer.
type ntpReply struct {
	Offset     time.Duration // the server's clock minus this machine's
	Leap       byte
	Stratum    byte // 0 means 2; use kiss for stratum 0
	Kiss       string
	RootDisp   time.Duration
	WrongOrign bool
}

// answer is the shared server packet for req with a's fields applied.
func (a ntpReply) answer(req []byte) []byte {
	out := peer.NTPServerPacket(req, a.Offset)
	if out == nil {
		return nil
	}
	stratum := a.Stratum
	if stratum == 0 {
		stratum = 2
	}
	out[0] = a.Leap<<6 | 4<<3 | 4 // leap, version 4, mode 4 (server)
	out[1] = stratum
	binary.BigEndian.PutUint32(out[8:], uint32(a.RootDisp.Seconds()*65536))
	if a.Kiss != "" {
		peer.NTPKiss(a.Kiss)(out)
	}
	if a.WrongOrign {
		out[24] ^= 0xff
	}
	return out
}

// startResponder answers each query with reply's packet (nothing when it returns nil).
func startResponder(t *testing.T, reply func(req []byte) []byte) *peer.NTPResponder {
	t.Helper()
	return peer.StartNTPResponder(t, peer.NTPBehaviour{Reply: reply})
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

// outcomes returns the result's per-server outcomes.
func outcomes(t *testing.T, r checks.Result) []ServerOutcome {
	t.Helper()
	d, ok := From(r)
	if !ok {
		t.Fatalf("the result holds no clock data: %s %q %#v", r.Status, r.Summary, r.Details)
	}
	return d.Servers
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
