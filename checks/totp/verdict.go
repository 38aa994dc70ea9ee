package totp

import (
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
)

// Culprit says which clock makes the codes fail.
type Culprit string

const (
	CulpritNeither  Culprit = "neither"  // both clocks keep true time
	CulpritPhone    Culprit = "phone"    // the phone's clock is off, this computer's is right
	CulpritComputer Culprit = "computer" // this computer's clock is off, the phone's is right
	CulpritBoth     Culprit = "both"     // both clocks are off
	CulpritAgree    Culprit = "agree"    // true time unknown: the two clocks agree
	CulpritEither   Culprit = "either"   // true time unknown: the two disagree, one of them is off
	CulpritUnknown  Culprit = "unknown"  // no step matched: the phone's clock cannot be placed
)

// ClockReading is the clock check's measure of this computer's clock, when it could tell.
type ClockReading struct {
	Offset time.Duration // true time minus this computer's clock (positive: it is behind)
	Known  bool
}

// Verdict is the one decision on a one-time code the phone showed: where its step was found,
// placed against true time where the clock check could tell, and how much it matters. The
// window and the CLI put it into words; neither decides anything of its own.
type Verdict struct {
	Status  checks.Status // ok, warn or fail
	Culprit Culprit
	Result  Result       // where the code's step was found, against this computer's clock
	Clock   ClockReading // this computer against true time
	// ClockStatus is this computer's clock by the configured thresholds (clock.Thresholds,
	// the clock check's own rule); Unknown when the clock could not be measured.
	ClockStatus checks.Status
	// PhoneOffset is the phone's clock minus true time, to within a period; meaningful when
	// Clock.Known and a step matched.
	PhoneOffset time.Duration
}

// Decide places the phone's code. The phone counts as right within one period of true time,
// the finest a code can tell; this computer as right below the thresholds' warn level, as the
// clock check says. So with this computer 15 s behind and the phone right, the computer is
// the culprit, whatever step boundary the code fell on.
func Decide(r Result, c ClockReading, th clock.Thresholds) Verdict {
	v := Verdict{Result: r, Clock: c, ClockStatus: checks.Unknown}
	if c.Known {
		v.ClockStatus = th.Judge(c.Offset)
	}
	switch {
	case r.Match == MatchNone:
		v.Status, v.Culprit = checks.Fail, CulpritUnknown
	case !c.Known && r.Match == MatchNow:
		v.Status, v.Culprit = checks.OK, CulpritAgree
	case !c.Known:
		v.Status, v.Culprit = checks.Warn, CulpritEither
	default:
		// phone − true = (phone − local) + (local − true)
		v.PhoneOffset = r.Offset - c.Offset
		phoneOff := v.PhoneOffset.Abs() >= r.Period
		computerOff := v.ClockStatus != checks.OK
		switch {
		case phoneOff && computerOff:
			v.Status, v.Culprit = checks.Worst(checks.Warn, v.ClockStatus), CulpritBoth
		case phoneOff:
			v.Status, v.Culprit = checks.Warn, CulpritPhone
		case computerOff:
			v.Status, v.Culprit = v.ClockStatus, CulpritComputer
		default:
			v.Status, v.Culprit = checks.OK, CulpritNeither
		}
	}
	return v
}
