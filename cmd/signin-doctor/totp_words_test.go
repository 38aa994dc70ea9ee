package main

import (
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

// culpritWords are what the totp command's text must say for each culprit, and what it must
// never say then: a person acts on the remedy, so the wrong clock's remedy is the bug.
var culpritWords = map[totp.Culprit]struct{ say, never string }{
	totp.CulpritNeither:  {"both keep true time", "automatically"},
	totp.CulpritPhone:    {"on the phone, set the date and time automatically", "set this computer's clock"},
	totp.CulpritComputer: {"set this computer's clock automatically", "on the phone"},
	totp.CulpritBoth:     {"set both clocks automatically", "is right"},
	totp.CulpritAgree:    {"agree; true time is unknown", "automatically"},
	totp.CulpritEither:   {"one of the two clocks is off", "is right"},
	totp.CulpritUnknown:  {"cannot be placed", "automatically"},
}

// TestTOTPWordsSayTheVerdict puts every case of the shared table through the one verdict and
// the command's text: the mark is the verdict's status and the words name its culprit's remedy.
func TestTOTPWordsSayTheVerdict(t *testing.T) {
	for _, tc := range totptest.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			v := totp.Decide(tc.Result, tc.Clock, tc.Thresholds)
			var out strings.Builder
			writeTOTPText(&out, v)
			text := out.String()
			if !strings.HasPrefix(text, tc.Status.Mark()+" ") {
				t.Errorf("the text begins %q, want the mark of %s (%s)", firstLine(text), tc.Status, tc.Status.Mark())
			}
			words, ok := culpritWords[tc.Culprit]
			if !ok {
				t.Fatalf("no words listed for culprit %s", tc.Culprit)
			}
			if !strings.Contains(text, words.say) || strings.Contains(text, words.never) {
				t.Errorf("for %s the text must say %q and never %q:\n%s", tc.Culprit, words.say, words.never, text)
			}
		})
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
