package main

import (
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

// calibrationWords are what `totp --calibrate` must say for each culprit, and never say then.
var calibrationWords = map[totp.Culprit]struct{ say, never string }{
	totp.CulpritNeither: {"the clocks are not why a code is rejected", "automatically"},
	totp.CulpritUnknown: {"code placed the phone's clock", "automatically"},
}

// TestCalibrationWordsSayTheVerdict puts every calibration case of the shared table through the
// one verdict and the command's text.
func TestCalibrationWordsSayTheVerdict(t *testing.T) {
	for _, tc := range totptest.CalibrationCases {
		t.Run(tc.Name, func(t *testing.T) {
			v := totp.DecideCalibration(tc.Placement, tc.Clock, clock.Thresholds{})
			var out strings.Builder
			writeCalibrationText(&out, v)
			text := out.String()
			if !strings.HasPrefix(text, tc.Status.Mark()+" ") {
				t.Errorf("the text begins %q, want the mark of %s", firstLine(text), tc.Status)
			}
			words, ok := calibrationWords[tc.Culprit]
			if !ok {
				words = culpritWords[tc.Culprit] // the totp command's own words
			}
			if !strings.Contains(text, words.say) || strings.Contains(text, words.never) {
				t.Errorf("for %s the text must say %q and never %q:\n%s", tc.Culprit, words.say, words.never, text)
			}
			if sure := !strings.Contains(text, "Not yet sure"); sure != (tc.Confirmed || !tc.Placement.Placed) {
				t.Errorf("confirmed %v, but the text says otherwise:\n%s", tc.Confirmed, text)
			}
		})
	}
}

func TestChanceSentence(t *testing.T) {
	for chance, want := range map[float64]string{4.1e-5: "about 1 in 24,000", 1.23e-10: "less than 1 in a billion", 1e-3: "about 1 in 1,000", 3e-7: "about 1 in 3,300,000"} {
		if got := chanceSentence(totp.Placement{Chance: chance}); !strings.HasSuffix(got, want) {
			t.Errorf("chance %g: %q, want it to end %q", chance, got, want)
		}
	}
}
