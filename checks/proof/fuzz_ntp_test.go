package proof

import (
	"context"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// FuzzNTPAnswer sends the clock check any datagram as its one NTP server's answer, with the
// query's transmit time copied into the origin field so that the fuzzer reaches past the
// origin check. The check must return within its deadline, and it may use an answer only when
// it is a server's (mode 4) from a synchronised source (stratum 1 to 15, leap indicator not 3);
// anything else is unknown.
func FuzzNTPAnswer(f *testing.F) {
	honest := peer.NTPServerPacket(make([]byte, 48), 0)
	f.Add(honest)
	for _, m := range []func([]byte){peer.NTPKiss("RATE"), func(p []byte) { p[1] = 16 }, func(p []byte) { p[0] |= 3 << 6 },
		// What the fuzzer found: precision and poll bytes the ntp package panics on (0x80),
		// leap 3 in an answer claiming NTPv5, which the package lets pass, and a precision of
		// 2^48 s, whose duration overflows.
		func(p []byte) { p[3] = 0x80 }, func(p []byte) { p[2] = 0x80 },
		func(p []byte) { p[0] = 3<<6 | 5<<3 | 4 }, func(p []byte) { p[3] = 48 }} {
		p := append([]byte(nil), honest...)
		m(p)
		f.Add(p)
	}
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, pkt []byte) {
		fake := peer.StartNTPResponder(t, peer.NTPBehaviour{Reply: func(req []byte) []byte {
			out := append([]byte(nil), pkt...)
			if len(out) >= 32 && len(req) >= 48 {
				copy(out[24:32], req[40:48])
			}
			return out
		}})
		c := clock.New(clock.Options{Servers: []string{fake.Addr()}, Timeout: time.Second, NTPWait: 500 * time.Millisecond})
		ctx, cancel := context.WithTimeout(t.Context(), c.Spec().Timeout)
		defer cancel()
		start := time.Now()
		r := c.Run(ctx, noPrior{})
		if took := time.Since(start); took > c.Spec().Timeout {
			t.Fatalf("took %v, past the deadline of %v", took, c.Spec().Timeout)
		}
		if r.Status == checks.Unknown {
			return
		}
		if len(pkt) < 48 || pkt[0]&7 != 4 || pkt[1] == 0 || pkt[1] >= 16 || pkt[0]>>6 == 3 {
			t.Fatalf("used the answer %x: %s %s", pkt, r.Status, r.Summary)
		}
	})
}

// noPrior is the Prior of a check run alone: no other check's result.
type noPrior struct{}

func (noPrior) Result(string) (checks.Result, bool) { return checks.Result{}, false }
func (noPrior) Done(string) <-chan struct{}         { return nil }
