package totp

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Match says where the phone's code was found.
type Match string

const (
	MatchNow       Match = "now"        // the code is this computer's current step's
	MatchOtherStep Match = "other-step" // the code belongs to another step in the window
	MatchNone      Match = "none"       // no step in the window makes the code
)

// MinWindowSteps and MinWindow bound the search: at least 20 steps and at least ten minutes
// on each side of this computer's current step (docs/DESIGN.md).
const (
	MinWindowSteps = 20
	MinWindow      = 10 * time.Minute
)

// Result is where the phone's code was found.
type Result struct {
	Match Match
	// Steps is how many periods the phone is ahead of this computer (negative: behind).
	// Meaningless when Match is MatchNone.
	Steps int
	// Offset is Steps periods: the phone's clock minus this computer's, to within a period.
	Offset time.Duration
	Period time.Duration
	// WindowSteps is how many steps on each side of the current one were searched.
	WindowSteps int
}

// WindowFor returns how many steps on each side are searched for period.
func WindowFor(period time.Duration) int {
	if period <= 0 {
		return MinWindowSteps
	}
	steps := int((MinWindow + period - 1) / period)
	return max(MinWindowSteps, steps)
}

// Find searches the steps around now, nearest first, for the one whose code is code. The code
// may have spaces, as phones show it ("123 456").
func Find(s Secret, code string, now time.Time) (Result, error) {
	if !s.Valid() || s.Period < time.Second {
		return Result{}, errors.New("no secret was given")
	}
	code, err := cleanCode(code, s.Digits)
	if err != nil {
		return Result{}, err
	}
	res := Result{Match: MatchNone, Period: s.Period, WindowSteps: WindowFor(s.Period)}
	current := s.step(now)
	for d := 0; d <= res.WindowSteps; d++ {
		for _, steps := range nearestFirst(d) {
			got, err := s.codeAt(current + int64(steps))
			if err != nil {
				return Result{}, err
			}
			if got == code {
				res.Steps, res.Offset = steps, time.Duration(steps)*s.Period
				res.Match = MatchOtherStep
				if steps == 0 {
					res.Match = MatchNow
				}
				return res, nil
			}
		}
	}
	return res, nil
}

// nearestFirst returns the steps at distance d: 0 alone, else behind then ahead.
func nearestFirst(d int) []int {
	if d == 0 {
		return []int{0}
	}
	return []int{-d, d}
}

// cleanCode removes the spaces and dashes a phone shows inside a code and checks what is left
// is digits digits long.
func cleanCode(code string, digits int) (string, error) {
	clean := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return r
	}, strings.TrimSpace(code))
	if clean == "" {
		return "", errors.New("no code was given: type the code the phone shows")
	}
	for _, r := range clean {
		if r < '0' || r > '9' {
			return "", errors.New("the code has characters other than digits: type the digits the phone shows")
		}
	}
	if len(clean) != digits {
		return "", fmt.Errorf("the code has %d digits, but this secret makes %d-digit codes", len(clean), digits)
	}
	return clean, nil
}
