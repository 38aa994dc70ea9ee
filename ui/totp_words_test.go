package ui

import (
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

// windowCulpritWords are what the window must say for each culprit, and never say then: the
// person acts on the remedy, so the other clock's remedy is the bug.
var windowCulpritWords = map[totp.Culprit]struct{ say, never string }{
	totp.CulpritNeither:  {"check that the authenticator entry is for this account", "automatically"},
	totp.CulpritPhone:    {"on the phone, turn on \"Set automatically\"", "set this computer"},
	totp.CulpritComputer: {"set this computer to set the time automatically", "on the phone"},
	totp.CulpritBoth:     {"both", "the phone is right"},
	totp.CulpritAgree:    {"the clocks agree", "automatically"},
	totp.CulpritEither:   {"One of the two clocks is wrong", "is right"},
	totp.CulpritUnknown:  {"No code within 10 minutes", "automatically"},
}

// TestTOTPWindowWordsSayTheVerdict puts every case of the shared table (the same as the CLI's
// and the verdict's own) through the one verdict and the window's words.
func TestTOTPWindowWordsSayTheVerdict(t *testing.T) {
	speak(t, i18n.English)
	for _, tc := range totptest.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			v := totp.Decide(tc.Result, tc.Clock, tc.Thresholds)
			text := verdictWords(v)
			words, ok := windowCulpritWords[tc.Culprit]
			if !ok {
				t.Fatalf("no words listed for culprit %s", tc.Culprit)
			}
			if !strings.Contains(strings.ToLower(text), strings.ToLower(words.say)) || strings.Contains(text, words.never) {
				t.Errorf("for %s the window must say %q and never %q:\n%s", tc.Culprit, words.say, words.never, text)
			}
		})
	}
}
