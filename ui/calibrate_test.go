package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

// openCalibrate opens the clock check by a scan code in language, this computer's clock
// measured at offset (true time minus local) when known.
func openCalibrate(t *testing.T, language string, offset time.Duration, known bool) (*harness, *calibrateScreen) {
	t.Helper()
	h := newHarness(t, language, Deps{
		Checks:   scripted(checks.Report{}, make(chan string, 4)),
		Clock:    measuredClock{offset, known},
		Settings: noSettings{},
	})
	cs := newCalibrateScreen(h.s)
	h.s.push(cs.page())
	h.pump("the clock to be measured", func() bool { return cs.clock.Text != "" && !strings.Contains(cs.clock.Text, "…") })
	return h, cs
}

// typeFromPhone types, from the keyboard alone, what a person types from a phone shift off
// this computer that scanned the screen's code: the code it shows, Enter, then, while the
// screen asks for it, the next one as soon as it appears, Enter.
func typeFromPhone(t *testing.T, h *harness, cs *calibrateScreen, shift time.Duration) {
	t.Helper()
	ph := totptest.NewPhone(t, cs.cal.URI(), shift)
	typed := ph.TypesTwoCodes(totptest.Base.Add(12 * time.Second))
	for i, ty := range typed {
		if i > 0 && totp.DecideCalibration(cs.cal.Placement(), cs.reading, clock.Thresholds{}).Confirmed {
			return
		}
		if h.s.win.Canvas().Focused() != cs.code {
			t.Fatalf("code %d: the focus is not on the code entry", i+1)
		}
		cs.now = func() time.Time { return ty.At }
		test.Type(cs.code, ty.Code)
		h.key(fyne.KeyReturn)
	}
}

func TestCalibrateScreenPlacesThePhoneByItsCodes(t *testing.T) {
	tests := []struct {
		name         string
		shift, clock time.Duration // the phone minus this computer; true time minus this computer
		want         []string
		never        string
	}{
		{"phone_right", 0, 0, []string{"both keep true time", "Codes used: 1.", "about 1 in 24,000"}, "Sync the time on the phone"},
		{"phone_45s_ahead", 45 * time.Second, 0, []string{"seconds ahead of this computer's", "Codes used: 2.", "less than 1 in a billion",
			"on the phone, turn on \"Set automatically\"", "Sync the time on the phone and in the authenticator app", "iPhone (iOS): Turn on [Set Automatically]."},
			"Set this computer's clock to automatic"},
		{"phone_5min_behind", -5 * time.Minute, 0, []string{"seconds behind this computer's", "Sync the time on the phone"}, "Set this computer's clock"},
		{"computer_95s_behind", 95 * time.Second, 95 * time.Second, []string{"This computer's clock is about", "and the phone is right",
			"Set this computer's clock to automatic and sync it"}, "Sync the time on the phone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, cs := openCalibrate(t, i18n.English, tt.clock, true)
			typeFromPhone(t, h, cs, tt.shift)
			for _, want := range tt.want {
				if !h.sees(want) {
					t.Errorf("the screen does not say %q:\n%s", want, h.screen())
				}
			}
			if h.sees(tt.never) {
				t.Errorf("the screen says %q:\n%s", tt.never, h.screen())
			}
			// and it tells the person to delete the entry, with each app's steps
			for _, want := range []string{"Now delete the entry \"Sign-in Doctor (clock check)\"", "Google Authenticator:", "Microsoft Authenticator:", "Zoho OneAuth:"} {
				if !h.sees(want) {
					t.Errorf("the screen does not say %q", want)
				}
			}
		})
	}
}

func TestCalibrateScreenAsksForTheNextCode(t *testing.T) {
	h, cs := openCalibrate(t, i18n.English, 0, true)
	ph := totptest.NewPhone(t, cs.cal.URI(), 45*time.Second)
	typed := ph.TypesTwoCodes(totptest.Base.Add(12 * time.Second))
	cs.now = func() time.Time { return typed[0].At }
	test.Type(cs.code, typed[0].Code)
	h.key(fyne.KeyReturn)
	if !h.sees("To be sure, wait until the app shows a new code") || h.sees("Set automatically") {
		t.Errorf("one code a step off gives a verdict, or does not ask for the next:\n%s", h.screen())
	}
	// the same code again is not the next one
	test.Type(cs.code, typed[0].Code)
	h.key(fyne.KeyReturn)
	if !h.sees("That is the code you typed before") {
		t.Errorf("the same code twice was not answered:\n%s", h.screen())
	}
	test.Type(cs.code, "12a")
	h.key(fyne.KeyReturn)
	if !h.sees("6 digits") {
		t.Errorf("a bad code was not answered:\n%s", h.screen())
	}
}

func TestCalibrateScreenSpeaksJapanese(t *testing.T) {
	h, cs := openCalibrate(t, i18n.Japanese, 0, true)
	// the entry the app adds is named as the issue says, in Japanese
	if cs.cal.Secret.Issuer != "サインイン診断" || cs.cal.Secret.Account != "サインイン診断（時計の確認用）" {
		t.Errorf("the entry is %q / %q", cs.cal.Secret.Issuer, cs.cal.Secret.Account)
	}
	typeFromPhone(t, h, cs, 45*time.Second)
	for _, want := range []string{"スマートフォンの時計を確かめる", "秒進んでいます", "使ったコード: 2個", "10億分の1未満",
		"スマートフォンと認証アプリの時間を同期する", "「サインイン診断（時計の確認用）」のエントリを削除", "Google 認証システム:"} {
		if !h.sees(want) {
			t.Errorf("the screen does not say %q:\n%s", want, h.screen())
		}
	}
}

func TestCalibrateScreenQRReadsBackToTheURI(t *testing.T) {
	_, cs := openCalibrate(t, i18n.English, 0, true)
	if totptest.ReadQR(t, cs.qr.Image) != cs.cal.URI() {
		t.Error("the QR code on screen does not hold the calibration key's URI")
	}
	if !strings.Contains(cs.key.Text, cs.cal.SetupKey()) {
		t.Error("the setup key for typing by hand is not shown")
	}
}

func TestCalibrateScreenIsReachedByKeyboard(t *testing.T) {
	t.Run("from_home", func(t *testing.T) {
		h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 1))})
		tabTo(t, h, "Check the phone's clock…")
		h.key(fyne.KeyReturn)
		if h.title() != "Check the phone's clock" {
			t.Fatalf("Tab and Enter on home opened %q", h.title())
		}
		// Escape goes back home
		h.key(fyne.KeyEscape)
		if h.title() != "What do you see when you sign in?" {
			t.Errorf("Escape went to %q", h.title())
		}
	})
	t.Run("from_the_otp_incorrect_wizard", func(t *testing.T) {
		h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 1))})
		h.s.push(h.s.wizardPage(checks.SymptomOTPIncorrect, checks.Report{}))
		for range 8 {
			if len(h.buttons("Check the phone's clock…")) > 0 {
				break
			}
			h.forward()
		}
		if len(h.buttons("Check the code")) != 1 {
			t.Fatalf("the code check's remedy is not where the clock check is offered:\n%s", h.screen())
		}
		tabTo(t, h, "Check the phone's clock…")
		h.key(fyne.KeyReturn)
		if h.title() != "Check the phone's clock" {
			t.Fatalf("the wizard's button opened %q:\n%s", h.title(), h.screen())
		}
	})
}

// tabTo presses Tab until the button labelled label has the focus.
func tabTo(t *testing.T, h *harness, label string) {
	t.Helper()
	for range 80 {
		if h.focusedText() == label {
			return
		}
		h.tab()
	}
	t.Fatalf("Tab never reaches %q:\n%s", label, h.screen())
}

func TestCalibrateKeyIsDroppedWithTheScreen(t *testing.T) {
	h, cs := openCalibrate(t, i18n.English, 0, true)
	clip := h.app.Clipboard()
	clip.SetContent("before")
	typeFromPhone(t, h, cs, 0)
	h.key(fyne.KeyEscape)
	if cs.cal != nil || cs.qr.Image != nil || cs.key.Text != "" || len(cs.result.Objects) != 0 {
		t.Error("after leaving, the screen still holds the key, its QR code or the result")
	}
	if clip.Content() != "before" {
		t.Errorf("the clipboard holds %q", clip.Content())
	}
}
