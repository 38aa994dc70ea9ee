package clock

import (
	"math"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// findings maps a result's findings by id.
func findings(r checks.Result) map[string]checks.Finding {
	m := map[string]checks.Finding{}
	for _, f := range r.Findings {
		m[f.ID] = f
	}
	return m
}

func TestAgainstChronyWithAKnownOffset(t *testing.T) {
	tests := []struct {
		name      string
		serverIs  time.Duration // the NTP server's clock minus this machine's: the true offset
		want      checks.Status
		direction string
		tzHours   string // timezone-mismatch's hours, empty when there is none
	}{
		{"given a clock 2 s behind then ok", 2 * time.Second, checks.OK, "", ""},
		{"given a clock 9.5 s behind then ok", 9500 * time.Millisecond, checks.OK, "", ""},
		{"given a clock 9.5 s ahead then ok", -9500 * time.Millisecond, checks.OK, "", ""},
		{"given a clock 10.5 s behind then warn", 10500 * time.Millisecond, checks.Warn, "behind", ""},
		{"given a clock 12 s ahead then warn", -12 * time.Second, checks.Warn, "ahead", ""},
		{"given a clock 29.5 s behind then warn", 29500 * time.Millisecond, checks.Warn, "behind", ""},
		{"given a clock 30.5 s ahead then fail", -30500 * time.Millisecond, checks.Fail, "ahead", ""},
		{"given a clock 95 s behind then fail", 95 * time.Second, checks.Fail, "behind", ""},
		{"given a clock 9 h behind then fail and wrong time zone", 9*time.Hour + 40*time.Second, checks.Fail, "behind", "9"},
		{"given a clock 1 h ahead then fail and wrong time zone", -time.Hour + 90*time.Second, checks.Fail, "ahead", "1"},
		{"given a clock 1 h 5 min behind then fail, not a time zone", time.Hour + 5*time.Minute, checks.Fail, "behind", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := peer.Chrony(t, tt.serverIs)
			r := run(t, New(Options{Servers: []string{srv.Addr}}), nil)
			if r.Status != tt.want {
				t.Fatalf("status %s, want %s; summary %q, details %v", r.Status, tt.want, r.Summary, r.Details)
			}
			offset, bound := r.Details["offset_ms"].(float64), r.Details["error_ms"].(float64)
			// The details round to the microsecond: allow that much on top of the bound.
			if diff := math.Abs(offset - ms(tt.serverIs)); diff > bound+0.002 {
				t.Errorf("offset_ms %v is %v ms from the true %v, outside its error bound ±%v ms", offset, diff, ms(tt.serverIs), bound)
			}
			if r.Details["method"] != MethodNTP || r.Details["server"] != srv.Addr {
				t.Errorf("method %v server %v, want ntp from %s", r.Details["method"], r.Details["server"], srv.Addr)
			}
			f := findings(r)
			skew, skewed := f[checks.FindingClockSkew]
			if skewed != (tt.want != checks.OK) {
				t.Fatalf("clock-skew found %v for status %s: %v", skewed, r.Status, r.Findings)
			}
			if skewed {
				if skew.Severity != tt.want || skew.Params["direction"] != tt.direction || skew.Params["server"] != srv.Addr {
					t.Errorf("clock-skew %+v, want severity %s direction %s server %s", skew, tt.want, tt.direction, srv.Addr)
				}
			}
			tz, zoned := f[checks.FindingTimezoneMismatch]
			if zoned != (tt.tzHours != "") || (zoned && tz.Params["hours"] != tt.tzHours) {
				t.Errorf("timezone-mismatch %v %+v, want hours %q", zoned, tz, tt.tzHours)
			}
		})
	}
}

func TestBestAnswerByRootDistance(t *testing.T) {
	chrony := peer.Chrony(t, 40*time.Second)
	// A valid answer, but its server is half a second from its reference: the chronyd answer
	// (microseconds away) must win even though both are valid.
	vague := startResponder(t, ntpReply{Offset: 3 * time.Second, RootDisp: 500 * time.Millisecond}.answer)
	// Too far from its reference to tell anything at all.
	lost := startResponder(t, ntpReply{Offset: 3 * time.Second, RootDisp: 3 * time.Second}.answer)
	closed := closedAddr(t, "udp")

	r := run(t, New(Options{Servers: []string{vague.Addr(), closed, lost.Addr(), chrony.Addr}}), nil)
	if r.Status != checks.Fail || r.Details["server"] != chrony.Addr {
		t.Fatalf("status %s from %v, want fail from chronyd %s: %s", r.Status, r.Details["server"], chrony.Addr, r.Summary)
	}
	want := map[string]string{vague.Addr(): OutcomeValid, closed: OutcomeNoAnswer, lost.Addr(): OutcomeRejected, chrony.Addr: OutcomeUsed}
	for _, o := range outcomes(t, r) {
		if o.Outcome != want[o.Server] {
			t.Errorf("server %s: outcome %s (%s), want %s", o.Server, o.Outcome, o.Error, want[o.Server])
		}
	}
}

func TestEachServerAskedOncePerRun(t *testing.T) {
	srv := startResponder(t, ntpReply{}.answer)
	r := run(t, New(Options{Servers: []string{srv.Addr(), " " + srv.Addr(), srv.Addr()}}), nil)
	if r.Status != checks.OK {
		t.Fatalf("status %s, want ok: %s %v", r.Status, r.Summary, r.Details)
	}
	if n := srv.Queries.Load(); n != 1 {
		t.Errorf("the server listed three times got %d queries, want 1", n)
	}
}

func TestUnknownWhenNothingAnswers(t *testing.T) {
	silent := startResponder(t, func([]byte) []byte { return nil })
	tests := []struct {
		name    string
		opts    Options
		outcome string
	}{
		{"given a closed UDP port then unknown", Options{Servers: []string{closedAddr(t, "udp")}}, OutcomeNoAnswer},
		{"given a server that never answers then unknown within the deadline",
			Options{Servers: []string{silent.Addr()}, Timeout: 2 * time.Second}, OutcomeNoAnswer},
		{"given a silent server and a closed HTTPS port then unknown within the deadline",
			Options{Servers: []string{silent.Addr()}, DateURL: "https://" + closedAddr(t, "tcp") + "/", Timeout: 2 * time.Second}, OutcomeNoAnswer},
		{"given no servers at all then unknown", Options{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(tt.opts)
			start := time.Now()
			r := run(t, c, nil)
			if elapsed := time.Since(start); elapsed > c.Spec().Timeout+200*time.Millisecond {
				t.Errorf("returned after %v, past its %v deadline", elapsed, c.Spec().Timeout)
			}
			if r.Status != checks.Unknown || len(r.Findings) != 0 {
				t.Fatalf("status %s findings %v, want unknown and none: %s", r.Status, r.Findings, r.Summary)
			}
			if r.Details["error"] == nil {
				t.Errorf("unknown without an error in the details: %v", r.Details)
			}
			for _, o := range outcomes(t, r) {
				if o.Outcome != tt.outcome || o.Error == "" {
					t.Errorf("server %s: outcome %s error %q, want %s with the reason", o.Server, o.Outcome, o.Error, tt.outcome)
				}
			}
		})
	}
}

func TestOfflineAsksNoOne(t *testing.T) {
	srv := startResponder(t, ntpReply{}.answer)
	c := New(Options{Servers: []string{srv.Addr()}})
	connectivity := func(online *bool) checks.Prior {
		return priorResults{checks.Connectivity: checks.Finish(checks.Unknown, "connectivity", &netcheck.ConnectivityData{Online: online})}
	}
	yes, no := true, false
	tests := []struct {
		name  string
		prior checks.Prior
		want  checks.Status
		asked int32
	}{
		{"given connectivity says offline then unknown without a query", connectivity(&no), checks.Unknown, 0},
		{"given connectivity could not tell then the check goes on", connectivity(nil), checks.OK, 1},
		{"given connectivity says online then the check goes on", connectivity(&yes), checks.OK, 1},
		{"given connectivity not in the run then the check goes on", priorResults{}, checks.OK, 1},
		{"given no prior at all (the check run on its own) then the check goes on", nil, checks.OK, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := srv.Queries.Load()
			r := run(t, c, tt.prior)
			if r.Status != tt.want {
				t.Errorf("status %s, want %s: %s", r.Status, tt.want, r.Summary)
			}
			if asked := srv.Queries.Load() - before; asked != tt.asked {
				t.Errorf("server asked %d times, want %d", asked, tt.asked)
			}
		})
	}
}

func TestWholeHours(t *testing.T) {
	tests := []struct {
		offset time.Duration
		hours  int
		ok     bool
	}{
		{59 * time.Minute, 1, true},
		{-(2*time.Hour + 2*time.Minute), 2, true},
		{2*time.Hour + 3*time.Minute, 0, false},
		{30 * time.Minute, 0, false},
		{-14 * time.Hour, 14, true},
		{57 * time.Minute, 0, false},
	}
	for _, tt := range tests {
		hours, ok := wholeHours(tt.offset)
		if hours != tt.hours || ok != tt.ok {
			t.Errorf("wholeHours(%v) = %d, %v; want %d, %v", tt.offset, hours, ok, tt.hours, tt.ok)
		}
	}
}
