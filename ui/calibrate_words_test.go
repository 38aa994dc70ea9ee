package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

// windowCalibrationWords are what the clock check must say for a culprit whose words are its
// own, and never say then; the others are the one-time-code screen's (windowCulpritWords).
var windowCalibrationWords = map[totp.Culprit]struct{ say, never string }{
	totp.CulpritNeither: {"the clocks are not why a code is rejected", "automatically"},
	totp.CulpritAgree:   {"the phone's clock is not why a code is rejected", "automatically"},
	totp.CulpritUnknown: {"No code placed the phone's clock", "automatically"},
}

// TestCalibrationWindowWordsSayTheVerdict puts every calibration case of the shared table (the
// same as the CLI's and the verdict's own) through the one verdict and the window's words.
func TestCalibrationWindowWordsSayTheVerdict(t *testing.T) {
	speak(t, i18n.English)
	for _, tc := range totptest.CalibrationCases {
		t.Run(tc.Name, func(t *testing.T) {
			v := totp.DecideCalibration(tc.Placement, tc.Clock, clock.Thresholds{})
			progress := strings.Join(progressWords(v), "\n")
			if asks := strings.Contains(progress, "wait until the app shows a new code"); asks == (tc.Confirmed || !tc.Placement.Placed) {
				t.Errorf("confirmed %v, placed %v, and the window asks for the next code: %v\n%s", tc.Confirmed, tc.Placement.Placed, asks, progress)
			}
			text := calibrationVerdictWords(v)
			words, ok := windowCalibrationWords[tc.Culprit]
			if !ok {
				words = windowCulpritWords[tc.Culprit]
			}
			if !strings.Contains(strings.ToLower(text), strings.ToLower(words.say)) || strings.Contains(text, words.never) {
				t.Errorf("for %s the window must say %q and never %q:\n%s", tc.Culprit, words.say, words.never, text)
			}
		})
	}
}

func TestCalibrationRangeWords(t *testing.T) {
	speak(t, i18n.English)
	for _, tt := range []struct {
		p    totp.Placement
		want string
	}{
		{totptest.Placed(42*time.Second, 60*time.Second, 1, 2, 2), "42 to 60 seconds ahead of"},
		{totptest.Placed(-50*time.Second, -42*time.Second, -2, -1, 2), "42 to 50 seconds behind"},
		{totptest.Placed(-7*time.Second, 33*time.Second, 0, 0, 1), "between 7 seconds behind and 33 seconds ahead of"},
	} {
		if got := rangeWords(tt.p); !strings.Contains(got, tt.want) {
			t.Errorf("rangeWords(%v..%v) = %q, want %q", tt.p.Lo, tt.p.Hi, got, tt.want)
		}
	}
}
