package totp

import (
	"math"

	"github.com/signin-doctor/signin-doctor/checks/clock"
)

// CalibrationVerdict is the one verdict on the calibration codes: Decide's, on the offset in
// the placement's range that is nearest true time, with the range beside it and whether a
// further code is wanted.
type CalibrationVerdict struct {
	Verdict
	Placement Placement
	// Confirmed is false while another code would tell more: the window and the command ask
	// for the next code the app shows until it is true.
	Confirmed bool
}

// DecideCalibration gives the verdict on where the calibration codes placed the phone, against
// the clock check's reading and the configured thresholds, by Decide's own rule. It judges the
// offset TypingTime above the range's lower end: the person is asked to type each further code
// as soon as the app shows it, and such a code pins where the phone's step began (the lower
// end is the offset minus the time from the code appearing to Enter), while nothing pins the
// upper end as closely.
//
// One code is enough when it is this computer's current step's and both clocks are judged
// right: a code from another key matches that one step by chance once in a million, and the
// step cannot be more than a period and the allowance off. Any other verdict asks for the next
// code: it narrows the range and makes a coincidence unlikely (see Placement.Chance). Codes
// that fit more than one place are never confirmed.
func DecideCalibration(p Placement, c ClockReading, th clock.Thresholds) CalibrationVerdict {
	r := Result{Match: MatchNone, Period: p.Period, WindowSteps: p.WindowSteps}
	if p.Placed {
		r.Offset = min(p.Lo+TypingTime, p.Hi)
		r.Steps = min(max(int(math.Round(float64(r.Offset)/float64(p.Period))), p.StepsMin), p.StepsMax)
		r.Match = MatchOtherStep
		if r.Steps == 0 {
			r.Match = MatchNow
		}
	}
	v := CalibrationVerdict{Verdict: Decide(r, c, th), Placement: p}
	switch {
	case !p.Placed, p.Candidates > 1:
	case p.Codes >= 2:
		v.Confirmed = true
	default:
		v.Confirmed = p.StepsMin == 0 && p.StepsMax == 0 && (v.Culprit == CulpritNeither || v.Culprit == CulpritAgree)
	}
	return v
}

// Clocks says which clocks the culprit asks the person to set automatically: the phone's, this
// computer's, both (when true time is unknown and the two disagree, either may be off), or
// none.
func (c Culprit) Clocks() (phone, computer bool) {
	switch c {
	case CulpritPhone:
		return true, false
	case CulpritComputer:
		return false, true
	case CulpritBoth, CulpritEither:
		return true, true
	}
	return false, false
}
