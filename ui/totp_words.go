package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// badClock is how far from true time a clock makes codes fail: the service accepts about
// one 30-second step either side.
const badClock = 30 * time.Second

// verdict words what the step finder found, with how much it matters. clockOffset is true time minus this computer's
// (positive: this computer is behind), known when hasTime.
func verdict(res totp.Result, clockOffset time.Duration, hasTime bool) (checks.Status, string) {
	switch res.Match {
	case totp.MatchNone:
		minutes := int(math.Round((time.Duration(res.WindowSteps) * res.Period).Minutes()))
		return checks.Fail, lang.L("No code within {{.Minutes}} minutes before or after this computer's time matches. The secret may belong to another account, or the code was mistyped: try again with the code the phone shows now.", map[string]any{"Minutes": minutes})
	case totp.MatchNow:
		if hasTime && abs(clockOffset) >= badClock {
			return checks.Warn, lang.L("The phone's code matches this computer's clock, but both are off true time the same way, and the service uses true time. Set both clocks to set the time automatically.")
		}
		return checks.OK, lang.L("The phone's code matches this computer's clock: the clocks agree. If the service still rejects the code, check that the authenticator entry is for this account.")
	}
	text := lang.L("The phone's code is the one for about {{.Seconds}} seconds {{.Direction}} this computer's time.",
		map[string]any{"Seconds": seconds(abs(res.Offset)), "Direction": direction(res.Offset)})
	if !hasTime {
		return checks.Warn, text + " " + lang.L("One of the two clocks is wrong: set both the phone and this computer to set the time automatically.")
	}
	phone := res.Offset - clockOffset // the phone's clock minus true time
	if abs(phone) < res.Period && abs(clockOffset) >= badClock {
		return checks.Warn, text + " " + lang.L("The phone is right: this computer's clock is wrong. Set this computer to set the time automatically.")
	}
	return checks.Warn, text + " " + lang.L("The phone's clock is about {{.Seconds}} seconds {{.Direction}} true time: on the phone, turn on \"Set automatically\" for the date and time.",
		map[string]any{"Seconds": seconds(abs(phone)), "Direction": direction(phone)})
}

// clockSentence says how far this computer's clock is from true time.
func clockSentence(offset time.Duration) string {
	if abs(offset) < time.Second {
		return lang.L("This computer's clock is right (within a second of true time).")
	}
	if offset > 0 {
		return lang.L("This computer's clock is {{.Seconds}} seconds behind true time.", map[string]any{"Seconds": seconds(offset)})
	}
	return lang.L("This computer's clock is {{.Seconds}} seconds ahead of true time.", map[string]any{"Seconds": seconds(-offset)})
}

// direction is "ahead of" for a positive difference, "behind" otherwise.
func direction(d time.Duration) string {
	if d > 0 {
		return lang.L("ahead of")
	}
	return lang.L("behind")
}

func seconds(d time.Duration) int { return int(math.Round(d.Seconds())) }

func abs(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
