package totp

import (
	"fmt"
	"time"
)

// Culprit says which clock makes codes fail.
type Culprit string

const (
	CulpritNeither  Culprit = "neither"  // both clocks are right
	CulpritPhone    Culprit = "phone"    // the phone's clock is off, this computer's is right
	CulpritComputer Culprit = "computer" // this computer's clock is off, the phone's is right
	CulpritBoth     Culprit = "both"     // both clocks are off
	CulpritUnknown  Culprit = "unknown"  // no step matched: the phone's clock cannot be placed
)

// ComputerTolerance is how far this computer's clock may be from true time and still be
// called right: the clock check's warn threshold (DESIGN.md).
const ComputerTolerance = 10 * time.Second

// Diagnosis places the phone's clock and this computer's against true time.
type Diagnosis struct {
	Culprit Culprit
	// PhoneOffset is the phone's clock minus true time, to within a period.
	PhoneOffset time.Duration
	// ClockOffset is true time minus this computer's clock, as the clock check reports it
	// (positive: this computer is behind).
	ClockOffset time.Duration
	Period      time.Duration
}

// Diagnose combines a Find result with the clock check's offset (true minus local). The phone
// counts as right within one period, the finest a code can tell.
func Diagnose(r Result, clockOffset time.Duration) Diagnosis {
	d := Diagnosis{Culprit: CulpritUnknown, ClockOffset: clockOffset, Period: r.Period}
	if r.Match == MatchNone {
		return d
	}
	// phone − true = (phone − local) + (local − true)
	d.PhoneOffset = r.Offset - clockOffset
	phoneOff := d.PhoneOffset.Abs() >= r.Period
	computerOff := clockOffset.Abs() >= ComputerTolerance
	switch {
	case phoneOff && computerOff:
		d.Culprit = CulpritBoth
	case phoneOff:
		d.Culprit = CulpritPhone
	case computerOff:
		d.Culprit = CulpritComputer
	default:
		d.Culprit = CulpritNeither
	}
	return d
}

// Sentence says in English which clock is off: "phone ahead by ~60 s; this computer is
// right". The GUI builds its own words from the fields.
func (d Diagnosis) Sentence() string {
	computer := fmt.Sprintf("this computer is %s %s", about(d.ClockOffset.Abs()), localSide(d.ClockOffset))
	phone := fmt.Sprintf("phone %s by ~%s", side(d.PhoneOffset), about(d.PhoneOffset.Abs()))
	switch d.Culprit {
	case CulpritNeither:
		return fmt.Sprintf("the phone and this computer both keep the right time (to within %s)", about(d.Period))
	case CulpritPhone:
		return phone + "; this computer is right"
	case CulpritComputer:
		return computer + "; the phone is right"
	case CulpritBoth:
		return phone + "; " + computer
	}
	return "no code in the window matched, so the phone's clock cannot be placed: the secret may belong to another account"
}

// Sentence says in English where the phone's code was found, against this computer's clock
// alone (use Diagnosis when the clock check could tell the true time).
func (r Result) Sentence() string {
	switch r.Match {
	case MatchNow:
		return "the code matches this computer's current time step"
	case MatchOtherStep:
		rel := "ahead of"
		if r.Offset < 0 {
			rel = "behind"
		}
		return fmt.Sprintf("phone is ~%s %s this computer (%d %s)", about(r.Offset.Abs()), rel, abs(r.Steps), plural(abs(r.Steps), "step", "steps"))
	}
	return fmt.Sprintf("no step within ±%s of this computer's time makes this code: the secret may belong to another account, or the phone is further off",
		about(time.Duration(r.WindowSteps)*r.Period))
}

// side says where a clock stands from a (clock − reference) offset.
func side(offset time.Duration) string {
	if offset < 0 {
		return "behind"
	}
	return "ahead"
}

// localSide says where this computer stands from a (true − local) offset.
func localSide(clockOffset time.Duration) string {
	if clockOffset > 0 {
		return "behind"
	}
	return "ahead"
}

// about rounds d for a sentence: seconds below two minutes, minutes above.
func about(d time.Duration) string {
	if d < 2*time.Minute {
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	}
	return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
