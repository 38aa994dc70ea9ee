package proof

import (
	"encoding/binary"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// lie is the offset hostile NTP answers claim: were one used, the clock check would fail, not
// say unknown.
const lie = time.Hour

// ntpFault is a row whose only NTP server behaves as b, and whose configuration names no https
// endpoint, so that no HTTPS Date fallback can stand in for it (dateRows have one).
func ntpFault(name string, b peer.NTPBehaviour) fault {
	if b.Offset == 0 {
		b.Offset = lie
	}
	return fault{
		name: name,
		breakWorld: func(t *testing.T, _ *world, wire *wiring) {
			f := peer.StartNTPResponder(t, b)
			wire.NTP = []string{f.Addr()}
			wire.Endpoints = nil
			t.Cleanup(func() {
				if n := f.Queries.Load(); n > 1 {
					t.Errorf("the NTP server was asked %d times in one run, want once", n)
				}
			})
		},
		want: map[string]expect{
			checks.Clock:        {Status: checks.Unknown, Says: "no time source answered"},
			checks.Connectivity: {Status: checks.OK},
		},
	}
}

func ntpRows() []fault {
	return []fault{
		ntpFault("given an NTP server that never answers then clock is unknown", peer.NTPBehaviour{Silent: true}),
		ntpFault("given a kiss-of-death RATE then clock is unknown", peer.NTPBehaviour{Mutate: peer.NTPKiss("RATE")}),
		ntpFault("given a kiss-of-death DENY then clock is unknown", peer.NTPBehaviour{Mutate: peer.NTPKiss("DENY")}),
		ntpFault("given stratum 0 without a kiss code then clock is unknown", peer.NTPBehaviour{Mutate: peer.NTPKiss("\x00\x00\x00\x00")}),
		ntpFault("given stratum 16 then clock is unknown", peer.NTPBehaviour{Mutate: func(p []byte) { p[1] = 16 }}),
		ntpFault("given leap indicator 3 then clock is unknown", peer.NTPBehaviour{Mutate: func(p []byte) { p[0] |= 3 << 6 }}),
		ntpFault("given a few garbage bytes then clock is unknown", peer.NTPBehaviour{Raw: []byte("HTTP/1.1 400 Bad Request\r\n\r\n")}),
		ntpFault("given 48 garbage bytes then clock is unknown", peer.NTPBehaviour{Raw: []byte(strings.Repeat("\xa5", 48))}),
		ntpFault("given an answer that does not echo our origin then clock is unknown", peer.NTPBehaviour{Mutate: func(p []byte) { p[24] ^= 0xff }}),
		// Not in the list: faults of the same family.
		ntpFault("given an answer from another source port then clock is unknown", peer.NTPBehaviour{OtherPort: true}),
		ntpFault("given the query reflected back (mode 3) then clock is unknown", peer.NTPBehaviour{Reply: reflect}),
		ntpFault("given a root dispersion of 16 s then clock is unknown", peer.NTPBehaviour{Mutate: func(p []byte) {
			binary.BigEndian.PutUint32(p[8:], 16<<16)
		}}),
		ntpFault("given a zero transmit time then clock is unknown", peer.NTPBehaviour{Mutate: func(p []byte) { clear(p[40:48]) }}),
		ntpFault("given a receive time after the transmit time then clock is unknown", peer.NTPBehaviour{Mutate: func(p []byte) {
			copy(p[32:40], p[40:48])
			binary.BigEndian.PutUint64(p[40:], binary.BigEndian.Uint64(p[40:])-1<<32)
		}}),
		ntpFault("given an answer after the check's NTP wait then clock is unknown", peer.NTPBehaviour{Delay: 2 * time.Second}),
		// github.com/beevik/ntp v1.6.0 panics on these (toInterval's negative shift), in a
		// goroutine the engine's recover does not reach: the check must survive them.
		ntpFault("given a precision byte of 0x80 (2^-128 s) then clock is unknown, not a crash", peer.NTPBehaviour{Mutate: func(p []byte) { p[3] = 0x80 }}),
		ntpFault("given a poll byte of 0x80 then clock is unknown, not a crash", peer.NTPBehaviour{Mutate: func(p []byte) { p[2] = 0x80 }}),
		ntpFault("given an NTPv1 answer of 12 bytes then clock is unknown", peer.NTPBehaviour{Reply: func(req []byte) []byte {
			return peer.NTPServerPacket(req, lie)[:12]
		}}),
	}
}

// reflect sends the query back, as a misconfigured reflector or an echo service on port 123
// would.
func reflect(req []byte) []byte { return append([]byte(nil), req...) }
