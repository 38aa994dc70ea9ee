package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// The words of `totp --calibrate` (English, as the rest of the terminal output): they say the
// placement and the verdict checks/totp decided, and nothing of their own.

func quoted(s string) string { return `"` + s + `"` }

// rangeSentence says where the codes put the phone's clock against this computer's.
func rangeSentence(p totp.Placement) string {
	if !p.Placed {
		return fmt.Sprintf("no step within ±%s of this computer's time makes the codes typed: they are not the codes of the entry %s, or the phone is further off",
			about(time.Duration(p.WindowSteps)*p.Period), quoted(calibrationAccount))
	}
	lo, hi := p.Lo.Round(time.Second), p.Hi.Round(time.Second)
	var where string
	switch {
	case lo >= 0:
		where = fmt.Sprintf("%s to %s ahead of", about(lo), about(hi))
	case hi <= 0:
		where = fmt.Sprintf("%s to %s behind", about(-hi), about(-lo))
	default:
		where = fmt.Sprintf("between %s behind and %s ahead of", about(-lo), about(hi))
	}
	codes := "1 code"
	if p.Codes > 1 {
		codes = fmt.Sprintf("%d codes", p.Codes)
	}
	return fmt.Sprintf("the phone's clock is %s this computer's (%s), from %s", where, stepsText(p.StepsMin, p.StepsMax), codes)
}

// stepsText names a range of steps: "step 0", "steps +1 to +2".
func stepsText(lo, hi int) string {
	if lo == hi {
		return fmt.Sprintf("step %+d", lo)
	}
	return fmt.Sprintf("steps %+d to %+d", lo, hi)
}

// chanceSentence says how likely it is that the codes fit by coincidence.
func chanceSentence(p totp.Placement) string {
	if n := p.OneIn(); n > 0 {
		return "the chance that codes of another key would fit there: about 1 in " + message.NewPrinter(language.English).Sprint(n)
	}
	return "the chance that codes of another key would fit there: less than 1 in a billion"
}

// progressSentence says what the codes so far tell, and asks for the next one.
func progressSentence(v totp.CalibrationVerdict) string {
	p := v.Placement
	var b strings.Builder
	switch p.Last {
	case totp.FitNone:
		b.WriteString("No step within ±" + about(time.Duration(p.WindowSteps)*p.Period) + " makes that code: check it is the code of " + quoted(calibrationAccount) + ", as the app shows it now.\n")
	case totp.FitRestart:
		b.WriteString("That code does not fit with the one before (it may come from another entry, or was typed late): it counts alone.\n")
	}
	if p.Placed {
		b.WriteString("So far " + rangeSentence(p) + ".\n")
		if p.Candidates > 1 {
			b.WriteString("The code fits more than one time, by chance: the next code tells which.\n")
		}
		b.WriteString("Wait until the app shows a new code, then type it at once (Enter alone stops here): ")
	} else {
		b.WriteString("Type the code again: ")
	}
	return b.String()
}

// calibrationVerdictSentence says which clock is off, and what to do; where both are right, it
// says where else the cause lies.
func calibrationVerdictSentence(v totp.CalibrationVerdict) string {
	switch v.Culprit {
	case totp.CulpritNeither:
		return fmt.Sprintf("the phone and this computer both keep true time (to within %s), so the clocks are not why a code is rejected: "+
			"check that you type the code of the entry for the account you sign in to, that you type it before it changes, "+
			"and delete an old entry of the same account left from an earlier setup", about(v.Result.Period))
	case totp.CulpritUnknown:
		return "no code placed the phone's clock: type the code the app shows for " + quoted(calibrationAccount)
	}
	return verdictSentence(v.Verdict)
}

// writeCalibrationText prints the verdict's mark and where the codes put the phone, then which
// clock is off.
func writeCalibrationText(w io.Writer, v totp.CalibrationVerdict) {
	p := v.Placement
	fmt.Fprintf(w, "%s %s.\n", v.Status.Mark(), capitalize(rangeSentence(p)))
	if p.Placed {
		fmt.Fprintf(w, "  %s\n", chanceSentence(p))
	}
	if v.Clock.Known {
		fmt.Fprintf(w, "  this computer's clock: %+.1f s from true time (positive: behind)\n", v.Clock.Offset.Seconds())
	}
	fmt.Fprintf(w, "  %s.\n", capitalize(calibrationVerdictSentence(v)))
	if p.Placed && !v.Confirmed {
		fmt.Fprintln(w, "  Not yet sure: run it again and type the next code the app shows as well.")
	}
}

// writeCleanup tells the person to delete the calibration entry, app by app. The labels are
// the apps' own where their help pages give them (Remove account); otherwise the words are
// generic.
func writeCleanup(w io.Writer) {
	fmt.Fprintln(w, "Now delete the entry "+quoted(calibrationAccount)+" from the app: it was only for this check.")
	fmt.Fprintln(w, "  Google Authenticator: touch and hold the entry (on an iPhone, swipe it left), tap the bin icon, then Remove account.")
	fmt.Fprintln(w, "  Microsoft Authenticator: tap the entry, tap the settings (gear) icon, tap Remove account, and confirm.")
	fmt.Fprintln(w, "  Zoho OneAuth: in the Authenticator tab, open the entry's options and delete it (not under Settings > Manage Accounts: that is your Zoho account).")
	fmt.Fprintln(w, "  Another app: edit the entry, or touch and hold it, and delete it.")
}
