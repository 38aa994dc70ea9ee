package clock

import (
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// Thresholds are how far this computer's clock may be from true time (config [clock]
// warn_seconds and fail_seconds). Judge is the one rule: the clock check and the one-time-code
// verdict (checks/totp) both apply it, so the two never disagree about the same clock.
type Thresholds struct {
	WarnAt, FailAt time.Duration // |offset| at or above: warn, fail. Zero: the defaults.
}

// Judge says how much an offset (true time minus local time) matters.
func (t Thresholds) Judge(offset time.Duration) checks.Status {
	t = t.withDefaults()
	switch a := offset.Abs(); {
	case a >= t.FailAt:
		return checks.Fail
	case a >= t.WarnAt:
		return checks.Warn
	}
	return checks.OK
}

func (t Thresholds) withDefaults() Thresholds {
	if t.WarnAt <= 0 {
		t.WarnAt = DefaultWarnAt
	}
	if t.FailAt <= 0 {
		t.FailAt = DefaultFailAt
	}
	return t
}
