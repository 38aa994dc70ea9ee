package clock

import (
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

func TestHostileAnswersAreRejected(t *testing.T) {
	tests := []struct {
		name  string
		reply func([]byte) []byte
		says  string // what the outcome's error must name
		kiss  string
	}{
		{"given a kiss-of-death RATE", ntpReply{Offset: time.Hour, Kiss: "RATE"}.answer, "kiss of death", "RATE"},
		{"given a kiss-of-death DENY", ntpReply{Offset: time.Hour, Kiss: "DENY"}.answer, "kiss of death", "DENY"},
		{"given stratum 16 (unsynchronised)", ntpReply{Offset: time.Hour, Stratum: 16}.answer, "stratum", ""},
		{"given leap indicator 3 (clock not synchronised)", ntpReply{Offset: time.Hour, Leap: 3}.answer, "leap", ""},
		{"given a reply that does not echo our origin timestamp", ntpReply{Offset: time.Hour, WrongOrign: true}.answer, "didn't match", ""},
		{"given a few garbage bytes", func([]byte) []byte { return []byte("HTTP/1.1 400\r\n") }, "invalid", ""},
		{"given 48 garbage bytes", func([]byte) []byte { return []byte(strings.Repeat("\xa5", 48)) }, "invalid", ""},
		// The ntp package panics on these (v1.6.0): the check must survive and say why.
		{"given a precision byte of 0x80", withByte(3, 0x80), "malformed answer", ""},
		{"given a poll byte of 0x80", withByte(2, 0x80), "malformed answer", ""},
		// Found by FuzzNTPAnswer: the ntp package accepts both.
		{"given leap indicator 3 in an answer claiming NTPv5", withByte(0, 3<<6|5<<3|4), "NTPv5", ""},
		{"given a precision of 2^48 s", withByte(3, 48), "precision", ""},
		{"given a precision of 2^20 s", withByte(3, 20), "precision", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+" then it is dropped and named", func(t *testing.T) {
			// The hostile answer claims the clock is an hour off: were it used, the status
			// would be fail, not unknown.
			srv := startResponder(t, tt.reply)
			r := run(t, New(Options{Servers: []string{srv.Addr()}}), nil)
			if r.Status != checks.Unknown {
				t.Fatalf("status %s, want unknown: %s %v", r.Status, r.Summary, r.Details)
			}
			o := outcomes(t, r)
			if len(o) != 1 || o[0].Outcome != OutcomeRejected || o[0].KissCode != tt.kiss ||
				!strings.Contains(o[0].Error, tt.says) {
				t.Errorf("outcomes %+v, want one rejected naming %q (kiss code %q)", o, tt.says, tt.kiss)
			}
		})
	}
}

// withByte is an answer claiming an hour's offset whose byte i is b.
func withByte(i int, b byte) func([]byte) []byte {
	return func(req []byte) []byte {
		out := ntpReply{Offset: time.Hour}.answer(req)
		if out != nil {
			out[i] = b
		}
		return out
	}
}

func TestHostileAnswerBesideAnHonestOne(t *testing.T) {
	hostile := startResponder(t, ntpReply{Offset: time.Hour, Leap: 3}.answer)
	honest := startResponder(t, ntpReply{Offset: 200 * time.Millisecond}.answer)
	r := run(t, New(Options{Servers: []string{hostile.Addr(), honest.Addr()}}), nil)
	if r.Status != checks.OK || r.Details["server"] != honest.Addr() {
		t.Fatalf("status %s from %v, want ok from the honest server: %s", r.Status, r.Details["server"], r.Summary)
	}
	if len(r.Findings) != 0 {
		t.Errorf("the hostile hour leaked into findings: %v", r.Findings)
	}
}

func TestKissOfDeathIsRespectedAcrossRuns(t *testing.T) {
	tests := []struct {
		code      string
		backoff   time.Duration
		askedLate int32 // queries after the back-off has passed
	}{
		{"RATE", 100 * time.Millisecond, 1},
		{"DENY", 100 * time.Millisecond, 0},
		{"RSTR", 100 * time.Millisecond, 0},
	}
	for _, tt := range tests {
		t.Run("given "+tt.code, func(t *testing.T) {
			srv := startResponder(t, ntpReply{Kiss: tt.code}.answer)
			c := New(Options{Servers: []string{srv.Addr()}, RateBackoff: tt.backoff})
			run(t, c, nil)
			second := run(t, c, nil)
			if n := srv.Queries.Load(); n != 1 {
				t.Fatalf("when run twice then the server got %d queries, want 1", n)
			}
			o := outcomes(t, second)
			if o[0].Outcome != OutcomeSkipped || o[0].KissCode != tt.code {
				t.Errorf("second run's outcome %+v, want skipped for %s", o[0], tt.code)
			}
			time.Sleep(2 * tt.backoff)
			run(t, c, nil)
			if n := srv.Queries.Load() - 1; n != tt.askedLate {
				t.Errorf("after the back-off the server got %d more queries, want %d", n, tt.askedLate)
			}
		})
	}
}
