// Package totptest holds the one table of one-time-code situations that the verdict
// (checks/totp.Decide), the CLI's words and the window's words are all tested against, so that
// the three cannot drift apart: each case says what the verdict must be, and the words' tests
// check that they say that verdict and no other.
package totptest

import (
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// Period is the cases' step: what every authenticator uses.
const Period = 30 * time.Second

// Case is one situation and the verdict it must get.
type Case struct {
	Name       string
	Result     totp.Result
	Clock      totp.ClockReading
	Thresholds clock.Thresholds // zero: the defaults, 10 s and 30 s
	Status     checks.Status
	Culprit    totp.Culprit
	// PhoneOffset is the phone's clock minus true time, where it can be told.
	PhoneOffset time.Duration
}

// Found is the step finder's result for a code found steps periods from this computer's.
func Found(steps int) totp.Result {
	m := totp.MatchOtherStep
	if steps == 0 {
		m = totp.MatchNow
	}
	return totp.Result{Match: m, Steps: steps, Offset: time.Duration(steps) * Period, Period: Period, WindowSteps: totp.WindowFor(Period)}
}

// NotFound is the result for a code no step in the window makes.
func NotFound() totp.Result {
	return totp.Result{Match: totp.MatchNone, Period: Period, WindowSteps: totp.WindowFor(Period)}
}

// Measured is a clock reading of true time minus this computer's.
func Measured(offset time.Duration) totp.ClockReading {
	return totp.ClockReading{Offset: offset, Known: true}
}

// Cases are the situations. Offsets: true time minus this computer (positive: it is behind).
var Cases = []Case{
	{Name: "phone_ahead_computer_right", Result: Found(2), Clock: Measured(300 * time.Millisecond),
		Status: checks.Warn, Culprit: totp.CulpritPhone, PhoneOffset: 60*time.Second - 300*time.Millisecond},
	{Name: "phone_on_computer_step_both_95s_behind", Result: Found(0), Clock: Measured(95 * time.Second),
		Status: checks.Fail, Culprit: totp.CulpritBoth, PhoneOffset: -95 * time.Second},
	{Name: "computer_95s_behind_phone_right", Result: Found(3), Clock: Measured(95 * time.Second),
		Status: checks.Fail, Culprit: totp.CulpritComputer, PhoneOffset: -5 * time.Second},
	{Name: "computer_2min_ahead_phone_right", Result: Found(-4), Clock: Measured(-2 * time.Minute),
		Status: checks.Fail, Culprit: totp.CulpritComputer},
	// The 10–30 s band: this computer is off enough for codes to fail near step boundaries,
	// the phone is right, and the step the code fell on does not change who is to blame.
	{Name: "computer_15s_behind_phone_right_next_step", Result: Found(1), Clock: Measured(15 * time.Second),
		Status: checks.Warn, Culprit: totp.CulpritComputer, PhoneOffset: 15 * time.Second},
	{Name: "computer_15s_behind_phone_right_same_step", Result: Found(0), Clock: Measured(15 * time.Second),
		Status: checks.Warn, Culprit: totp.CulpritComputer, PhoneOffset: -15 * time.Second},
	{Name: "computer_15s_ahead_phone_2_steps_ahead", Result: Found(2), Clock: Measured(-15 * time.Second),
		Status: checks.Warn, Culprit: totp.CulpritBoth, PhoneOffset: 75 * time.Second},
	// IT's thresholds decide what this computer's offset means.
	{Name: "configured_20s_computer_15s_behind", Result: Found(0), Clock: Measured(15 * time.Second),
		Thresholds: clock.Thresholds{WarnAt: 20 * time.Second, FailAt: 60 * time.Second},
		Status:     checks.OK, Culprit: totp.CulpritNeither, PhoneOffset: -15 * time.Second},
	{Name: "configured_60s_computer_45s_behind", Result: Found(1), Clock: Measured(45 * time.Second),
		Thresholds: clock.Thresholds{WarnAt: 20 * time.Second, FailAt: 60 * time.Second},
		Status:     checks.Warn, Culprit: totp.CulpritComputer, PhoneOffset: -15 * time.Second},
	{Name: "both_right", Result: Found(0), Clock: Measured(0),
		Status: checks.OK, Culprit: totp.CulpritNeither},
	{Name: "no_step_matches", Result: NotFound(), Clock: Measured(0),
		Status: checks.Fail, Culprit: totp.CulpritUnknown},
	{Name: "true_time_unknown_clocks_agree", Result: Found(0),
		Status: checks.OK, Culprit: totp.CulpritAgree},
	{Name: "true_time_unknown_clocks_differ", Result: Found(-2),
		Status: checks.Warn, Culprit: totp.CulpritEither},
	{Name: "true_time_unknown_no_match", Result: NotFound(),
		Status: checks.Fail, Culprit: totp.CulpritUnknown},
}
