package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2/lang"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// verdictWords says the one-time-code verdict (checks/totp.Decide) in the window's language:
// where the phone's code was found and, by its culprit, which clock to set. It decides
// nothing: the status beside it is the verdict's own.
func verdictWords(v totp.Verdict) string {
	r := v.Result
	if v.Culprit == totp.CulpritUnknown {
		minutes := int(math.Round((time.Duration(r.WindowSteps) * r.Period).Minutes()))
		return lang.L("No code within {{.Minutes}} minutes before or after this computer's time matches. The secret may belong to another account, or the code was mistyped: try again with the code the phone shows now.", map[string]any{"Minutes": minutes})
	}
	if r.Match == totp.MatchNow {
		switch v.Culprit {
		case totp.CulpritNeither, totp.CulpritAgree:
			return lang.L("The phone's code matches this computer's clock: the clocks agree. If the service still rejects the code, check that the authenticator entry is for this account.")
		case totp.CulpritBoth:
			return lang.L("The phone's code matches this computer's clock, but both are off true time the same way, and the service uses true time. Set both clocks to set the time automatically.")
		}
		return culpritWords(v) // the computer: off by less than a step, the phone counts as right
	}
	found := lang.L("The phone's code is the one for about {{.Seconds}} seconds {{.Direction}} this computer's time.",
		map[string]any{"Seconds": seconds(r.Offset.Abs()), "Direction": direction(r.Offset)})
	return found + " " + culpritWords(v)
}

// culpritWords says which clock to set.
func culpritWords(v totp.Verdict) string {
	computer := -v.Clock.Offset // this computer's clock minus true time
	switch v.Culprit {
	case totp.CulpritPhone:
		return lang.L("The phone's clock is about {{.Seconds}} seconds {{.Direction}} true time: on the phone, turn on \"Set automatically\" for the date and time.",
			map[string]any{"Seconds": seconds(v.PhoneOffset.Abs()), "Direction": direction(v.PhoneOffset)})
	case totp.CulpritComputer:
		return lang.L("This computer's clock is about {{.Seconds}} seconds {{.Direction}} true time, and the phone is right: set this computer to set the time automatically.",
			map[string]any{"Seconds": seconds(computer.Abs()), "Direction": direction(computer)})
	case totp.CulpritBoth:
		return lang.L("Both clocks are off: the phone's by about {{.Phone}} seconds, this computer's by about {{.Computer}} seconds. Set both the phone and this computer to set the time automatically.",
			map[string]any{"Phone": seconds(v.PhoneOffset.Abs()), "Computer": seconds(computer.Abs())})
	case totp.CulpritEither:
		return lang.L("One of the two clocks is wrong: set both the phone and this computer to set the time automatically.")
	}
	return lang.L("Both clocks keep true time. If the service still rejects the code, check that the authenticator entry is for this account.")
}

// clockSentence says how far this computer's clock is from true time.
func clockSentence(offset time.Duration) string {
	if offset.Abs() < time.Second {
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
