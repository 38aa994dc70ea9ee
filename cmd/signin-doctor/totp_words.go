package main

import (
	"fmt"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// The totp command's words (English, as the rest of the terminal output): they say the
// verdict checks/totp decided and nothing of their own.

// codeSentence says where the phone's code was found, against this computer's clock alone.
func codeSentence(r totp.Result) string {
	switch r.Match {
	case totp.MatchNow:
		return "the code matches this computer's current time step"
	case totp.MatchOtherStep:
		steps := r.Steps
		if steps < 0 {
			steps = -steps
		}
		unit := "steps"
		if steps == 1 {
			unit = "step"
		}
		return fmt.Sprintf("phone is ~%s %s this computer (%d %s)", about(r.Offset.Abs()), relation(r.Offset), steps, unit)
	}
	return fmt.Sprintf("no step within ±%s of this computer's time makes this code: the secret may belong to another account, or the phone is further off",
		about(time.Duration(r.WindowSteps)*r.Period))
}

// verdictSentence says which clock is off, and what to do.
func verdictSentence(v totp.Verdict) string {
	computer := fmt.Sprintf("this computer is %s %s true time", about(v.Clock.Offset.Abs()), localSide(v.Clock.Offset))
	phone := fmt.Sprintf("the phone is ~%s %s true time", about(v.PhoneOffset.Abs()), relation(v.PhoneOffset))
	switch v.Culprit {
	case totp.CulpritNeither:
		return fmt.Sprintf("the phone and this computer both keep true time (to within %s): if the code is still rejected, check the authenticator entry is this account's", about(v.Result.Period))
	case totp.CulpritPhone:
		return phone + "; this computer is right: on the phone, set the date and time automatically"
	case totp.CulpritComputer:
		return computer + "; the phone is right: set this computer's clock automatically"
	case totp.CulpritBoth:
		return phone + ", and " + computer + ": set both clocks automatically"
	case totp.CulpritAgree:
		return "the phone and this computer agree; true time is unknown (no time source answered)"
	case totp.CulpritEither:
		return "true time is unknown (no time source answered): one of the two clocks is off, set both automatically"
	}
	return "no code in the window matched, so the phone's clock cannot be placed: the secret may belong to another account"
}

// relation says where a clock stands from a (clock − reference) offset.
func relation(offset time.Duration) string {
	if offset < 0 {
		return "behind"
	}
	return "ahead of"
}

// localSide says where this computer stands from a (true − local) offset.
func localSide(clockOffset time.Duration) string {
	if clockOffset > 0 {
		return "behind"
	}
	return "ahead of"
}

// about rounds d for a sentence: seconds below two minutes, minutes above.
func about(d time.Duration) string {
	if d < 2*time.Minute {
		return fmt.Sprintf("%d s", int(d.Round(time.Second)/time.Second))
	}
	return fmt.Sprintf("%d min", int(d.Round(time.Minute)/time.Minute))
}
