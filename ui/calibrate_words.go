package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2/lang"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// The clock check's words: they say the placement and the verdict checks/totp decided
// (DecideCalibration) in the window's language, and decide nothing.

// progressWords say what the last code did, where the codes put the phone's clock, and, until
// the verdict is sure, ask for the next code.
func progressWords(v totp.CalibrationVerdict) []string {
	p := v.Placement
	var out []string
	switch p.Last {
	case totp.FitNone:
		minutes := int(math.Round((time.Duration(p.WindowSteps) * p.Period).Minutes()))
		out = append(out, lang.L("No code within {{.Minutes}} minutes before or after this computer's time matches that code. Check that you typed the code of the entry \"{{.Entry}}\", as the app shows it now.",
			map[string]any{"Minutes": minutes, "Entry": calibrationEntry()}))
	case totp.FitRestart:
		out = append(out, lang.L("That code does not fit with the one before (it may come from another entry, or was typed late), so it counts on its own."))
	}
	if !p.Placed {
		return out
	}
	out = append(out, rangeWords(p)+" "+lang.L("Codes used: {{.Codes}}.", map[string]any{"Codes": p.Codes}), chanceWords(p))
	if p.Candidates > 1 {
		out = append(out, lang.L("That code fits more than one time, by chance: the next code tells which."))
	}
	if !v.Confirmed {
		out = append(out, lang.L("To be sure, wait until the app shows a new code, then type it at once."))
	}
	return out
}

// rangeWords say how far the codes put the phone's clock from this computer's.
func rangeWords(p totp.Placement) string {
	lo, hi := seconds(p.Lo), seconds(p.Hi)
	switch {
	case lo >= 0:
		return lang.L("The phone's clock is {{.From}} to {{.To}} seconds ahead of this computer's.", map[string]any{"From": lo, "To": hi})
	case hi <= 0:
		return lang.L("The phone's clock is {{.From}} to {{.To}} seconds behind this computer's.", map[string]any{"From": -hi, "To": -lo})
	}
	return lang.L("The phone's clock is between {{.Behind}} seconds behind and {{.Ahead}} seconds ahead of this computer's.", map[string]any{"Behind": -lo, "Ahead": hi})
}

// chanceWords say how likely it is that the codes fit by coincidence.
func chanceWords(p totp.Placement) string {
	n := p.OneIn()
	if n == 0 {
		return lang.L("The chance that codes of another key would fit there by coincidence: less than 1 in a billion.")
	}
	return lang.L("The chance that codes of another key would fit there by coincidence: about 1 in {{.N}}.",
		map[string]any{"N": message.NewPrinter(language.English).Sprint(n)})
}

// calibrationVerdictWords say which clock to set; where both are right, where else the cause
// of a rejected code lies.
func calibrationVerdictWords(v totp.CalibrationVerdict) string {
	switch v.Culprit {
	case totp.CulpritNeither:
		return lang.L("The phone and this computer both keep true time (to within 30 seconds), so the clocks are not why a code is rejected. Check that you type the code of the entry for the account you sign in to (not this check's), that you type it before it changes, and delete any old entry of that account left from an earlier setup.")
	case totp.CulpritAgree:
		return lang.L("The phone and this computer agree (true time is unknown: no time server answered), so the phone's clock is not why a code is rejected. Check that you type the code of the entry for the account you sign in to (not this check's), that you type it before it changes, and delete any old entry of that account left from an earlier setup.")
	case totp.CulpritUnknown:
		return lang.L("No code placed the phone's clock. Type the code the app shows for the entry \"{{.Entry}}\".", map[string]any{"Entry": calibrationEntry()})
	}
	return culpritWords(v.Verdict)
}

// cleanupWords are the steps to delete the calibration entry in the common apps. The labels
// are the apps' own where their help pages give them; otherwise the words are generic.
func cleanupWords() []string {
	return []string{
		lang.L("Google Authenticator: touch and hold the entry (on an iPhone, swipe it to the left), tap the bin icon, then tap Remove account."),
		lang.L("Microsoft Authenticator: tap the entry, tap the settings (gear) icon, tap Remove account, and confirm."),
		lang.L("Zoho OneAuth: in the Authenticator tab, open the entry's options and delete it. Not under Settings > Manage Accounts: that is for your Zoho account itself."),
		lang.L("Another app: edit the entry, or touch and hold it, and delete it."),
	}
}
