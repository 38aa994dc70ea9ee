package totp

import (
	"testing"
	"time"
)

func TestDiagnoseWhichClockIsOff(t *testing.T) {
	const p = 30 * time.Second
	found := func(steps int) Result {
		m := MatchOtherStep
		if steps == 0 {
			m = MatchNow
		}
		return Result{Match: m, Steps: steps, Offset: time.Duration(steps) * p, Period: p, WindowSteps: 20}
	}
	tests := []struct {
		name     string
		result   Result
		clock    time.Duration // true minus this computer
		culprit  Culprit
		phone    time.Duration
		sentence string
	}{
		{"given the phone 2 steps ahead and this computer right", found(2), 300 * time.Millisecond, CulpritPhone, 60*time.Second - 300*time.Millisecond,
			"phone ahead by ~60 s; this computer is right"},
		{"given the phone on this computer's step and this computer 95 s behind", found(0), 95 * time.Second, CulpritBoth, -95 * time.Second,
			"phone behind by ~95 s; this computer is 95 s behind"},
		{"given the phone 3 steps ahead of a computer 95 s behind", found(3), 95 * time.Second, CulpritComputer, -5 * time.Second,
			"this computer is 95 s behind; the phone is right"},
		{"given the phone 4 steps behind a computer 2 min ahead", found(-4), -2 * time.Minute, CulpritComputer, 0,
			"this computer is 2 min ahead; the phone is right"},
		{"given both right", found(0), 0, CulpritNeither, 0,
			"the phone and this computer both keep the right time (to within 30 s)"},
		{"given no match", Result{Match: MatchNone, Period: p, WindowSteps: 20}, 0, CulpritUnknown, 0,
			"no code in the window matched, so the phone's clock cannot be placed: the secret may belong to another account"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Diagnose(tt.result, tt.clock)
			if d.Culprit != tt.culprit || d.PhoneOffset != tt.phone || d.Sentence() != tt.sentence {
				t.Errorf("then %s, phone %v, %q; want %s, %v, %q", d.Culprit, d.PhoneOffset, d.Sentence(), tt.culprit, tt.phone, tt.sentence)
			}
		})
	}
}

func TestResultSentence(t *testing.T) {
	tests := []struct {
		r    Result
		want string
	}{
		{Result{Match: MatchNow, Period: 30 * time.Second}, "the code matches this computer's current time step"},
		{Result{Match: MatchOtherStep, Steps: -1, Offset: -30 * time.Second, Period: 30 * time.Second}, "phone is ~30 s behind this computer (1 step)"},
		{Result{Match: MatchOtherStep, Steps: 4, Offset: 4 * time.Minute, Period: time.Minute}, "phone is ~4 min ahead of this computer (4 steps)"},
		{Result{Match: MatchNone, Period: 30 * time.Second, WindowSteps: 20},
			"no step within ±10 min of this computer's time makes this code: the secret may belong to another account, or the phone is further off"},
	}
	for _, tt := range tests {
		if got := tt.r.Sentence(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.r, got, tt.want)
		}
	}
}
