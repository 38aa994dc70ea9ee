package totp

import (
	"math"
	"time"
)

// TypingAllowance is how long after reading a code the person is taken to type it and press
// Enter. A code read at the app's step boundary and typed that much later still places the
// phone's clock right; typed later, the phone looks that much further behind.
const TypingAllowance = 10 * time.Second

// TypingTime is how long a person usually takes from a new code appearing to pressing Enter:
// the verdict judges the offset that much above the range's lower end (DecideCalibration).
const TypingTime = 5 * time.Second

// Fit says what the last code typed did to the placement.
type Fit string

const (
	FitJoined  Fit = "joined"  // it places the phone, with the codes before it if any
	FitNone    Fit = "none"    // no step in the window makes it: mistyped, or another entry's code
	FitRestart Fit = "restart" // it places the phone, but not where the codes before it did: it counts alone
)

// Placement is where the calibration codes put the phone's clock against this computer's: a
// range, since a code only tells which 30 s step the phone was in when it was read.
type Placement struct {
	// Placed is false when no code typed so far is made by a step in the window.
	Placed bool
	// StepsMin and StepsMax bound how many periods the phone was ahead of this computer
	// (negative: behind) when each code was typed.
	StepsMin, StepsMax int
	// Lo and Hi bound the phone's clock minus this computer's: Lo ≤ offset < Hi. Each code
	// gives a range one period (and the typing allowance) wide, from the moment in this
	// computer's step it was typed; codes typed at other moments narrow it.
	Lo, Hi      time.Duration
	Period      time.Duration
	WindowSteps int
	// Codes is how many codes placed it, all consistent with one another.
	Codes int
	// Candidates is how many separate ranges the codes allow: above 1, a code also matched a
	// far step by chance, and another code tells which is the phone's.
	Candidates int
	// Chance is about how likely it is that the codes fit these steps by coincidence, had
	// they come from another key: (2w+1)/10^digits for the first code over a window of w
	// steps either side, times 3/10^digits for each further code (the steps next to the
	// first).
	Chance float64
	// Last is what the last code typed did.
	Last Fit
}

// span is one range of offsets the codes allow, and the steps they were found at.
type span struct {
	lo, hi     time.Duration
	kmin, kmax int
}

// meet is the offsets both a and b allow, if any.
func (a span) meet(b span) (span, bool) {
	m := span{lo: max(a.lo, b.lo), hi: min(a.hi, b.hi), kmin: min(a.kmin, b.kmin), kmax: max(a.kmax, b.kmax)}
	return m, m.lo < m.hi
}

// Placement places the phone's clock by the codes typed so far. A code no step makes is left
// out; a code that places the phone elsewhere than the codes before it starts the count again
// from itself, the freshest reading.
func (c *Calibration) Placement() Placement {
	s := c.Secret
	p := Placement{Period: s.Period, WindowSteps: WindowFor(s.Period)}
	var spans []span
	for _, r := range c.readings {
		own := s.spans(r, p.WindowSteps)
		joined := meetAny(spans, own)
		switch {
		case len(own) == 0:
			p.Last = FitNone
		case len(joined) > 0:
			spans, p.Codes, p.Last = joined, p.Codes+1, FitJoined
		default:
			p.Last = FitRestart
			if p.Codes == 0 {
				p.Last = FitJoined
			}
			spans, p.Codes = own, 1
		}
	}
	if len(spans) == 0 {
		return p
	}
	p.Placed, p.Candidates = true, len(spans)
	p.StepsMin, p.StepsMax, p.Lo, p.Hi = spans[0].kmin, spans[0].kmax, spans[0].lo, spans[0].hi
	for _, sp := range spans[1:] {
		p.StepsMin, p.StepsMax = min(p.StepsMin, sp.kmin), max(p.StepsMax, sp.kmax)
		p.Lo, p.Hi = min(p.Lo, sp.lo), max(p.Hi, sp.hi)
	}
	one := math.Pow(10, -float64(s.Digits))
	p.Chance = float64(2*p.WindowSteps+1) * one * math.Pow(3*one, float64(p.Codes-1))
	return p
}

// spans are the offsets a reading allows, one range for each step in the window whose code it
// is. A code of step k typed at phase φ of this computer's step was on the phone from some
// moment in [t−allowance, t]: the phone's clock minus this computer's is in
// [k·P−φ, (k+1)·P−φ+allowance).
func (s Secret) spans(r reading, window int) []span {
	current := s.step(r.at)
	phase := r.at.Sub(time.Unix(current*int64(s.Period/time.Second), 0))
	var out []span
	for k := -window; k <= window; k++ {
		code, err := s.codeAt(current + int64(k))
		if err != nil || code != r.code {
			continue
		}
		at := time.Duration(k) * s.Period
		out = append(out, span{lo: at - phase, hi: at + s.Period - phase + TypingAllowance, kmin: k, kmax: k})
	}
	return out
}

// meetAny is every range of a that some range of b meets, narrowed to where they meet.
func meetAny(a, b []span) []span {
	var out []span
	for _, x := range a {
		for _, y := range b {
			if m, ok := x.meet(y); ok {
				out = append(out, m)
			}
		}
	}
	return out
}

// OneIn is Chance as one in N, N to two significant digits (24,000 for one code); 0 when the
// chance is below one in a billion, or there is none.
func (p Placement) OneIn() int64 {
	if p.Chance <= 1e-9 {
		return 0
	}
	n := 1 / p.Chance
	magnitude := math.Pow(10, math.Floor(math.Log10(n))-1)
	return int64(math.Round(n/magnitude) * magnitude)
}
