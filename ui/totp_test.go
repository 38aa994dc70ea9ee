package ui

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// testSecret is RFC-style example key material, not anyone's account.
const testSecret = "JBSW Y3DP EHPK 3PXP"

// phoneCode is the code a phone whose clock is skew ahead of this computer shows now.
func phoneCode(t *testing.T, secret string, skew time.Duration) string {
	t.Helper()
	sec, err := totp.Parse(secret)
	if err != nil {
		t.Fatal(err)
	}
	code, err := sec.Code(time.Now().Add(skew))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// openTOTP opens the one-time-code screen from home, with this computer's clock measured at
// offset (true time minus local) when known.
func openTOTP(t *testing.T, offset time.Duration, known bool) (*harness, *totpScreen) {
	h := newHarness(t, i18n.English, Deps{
		Checks:   scripted(checks.Report{}, make(chan string, 4)),
		Clock:    measuredClock{offset, known},
		Settings: noSettings{},
	})
	ts := newTOTPScreen(h.s)
	h.s.push(ts.page())
	h.pump("the clock to be measured", func() bool { return !strings.Contains(ts.clock.Text, "Measuring") })
	return h, ts
}

func TestTOTPScreenTellsWhichClockIsWrong(t *testing.T) {
	tests := []struct {
		name       string
		phoneAhead time.Duration // the phone's clock minus this computer's
		clock      time.Duration // true time minus this computer's
		clockKnown bool
		want       string
		offer      bool // the date and time settings: offered when this computer's clock may be wrong
	}{
		{"given the phone and computer agree, then it says so", 0, 0, true, "the clocks agree", false},
		{"given the phone is 90 s ahead and the computer right, then the phone is wrong", 90 * time.Second, 0, true,
			"The phone's clock is about 90 seconds ahead of true time", false},
		{"given the computer is 95 s behind and the phone right, then the computer is wrong", 95 * time.Second, 95 * time.Second, true,
			"This computer's clock is about 95 seconds behind true time, and the phone is right", true},
		{"given the computer is 15 s behind and the phone right, then the computer is wrong", 30 * time.Second, 15 * time.Second, true,
			"This computer's clock is about 15 seconds behind true time, and the phone is right", true},
		{"given the phone is 60 s behind and the clock unknown, then one of them is wrong", -60 * time.Second, 0, false,
			"One of the two clocks is wrong", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, ts := openTOTP(t, tt.clock, tt.clockKnown)
			if h.s.win.Canvas().Focused() != ts.entry || !ts.entry.Password {
				t.Fatal("the screen does not open on a masked secret entry")
			}
			// when the person types the secret, Enter, the phone's code, Enter
			ts.entry.SetText(testSecret)
			h.key(fyne.KeyReturn)
			ts.code.SetText(phoneCode(t, testSecret, tt.phoneAhead))
			h.key(fyne.KeyReturn)
			if !h.sees(tt.want) {
				t.Errorf("the result does not say %q:\n%s", tt.want, h.screen())
			}
			// and this computer's date and time settings are offered exactly when its clock may be wrong
			if offered := len(h.buttons("Open date and time settings")) == 1; offered != tt.offer {
				t.Errorf("the settings button is offered: %v, want %v", offered, tt.offer)
			}
		})
	}
}

func TestTOTPScreenRejectsWhatIsNotASecretOrCode(t *testing.T) {
	h, ts := openTOTP(t, 0, true)
	ts.entry.SetText("not a secret!")
	ts.code.SetText("123456")
	h.tap("Compare")
	if !h.sees("That is not a secret key") {
		t.Errorf("a bad secret was not answered:\n%s", h.screen())
	}
	ts.entry.SetText(testSecret)
	ts.code.SetText("12a456")
	h.tap("Compare")
	if !h.sees("digits only") {
		t.Errorf("a bad code was not answered:\n%s", h.screen())
	}
	ts.code.SetText("000000")
	h.tap("Compare")
	if !h.sees("No code within") && !h.sees("clocks agree") && !h.sees("seconds") {
		t.Errorf("a code was not compared:\n%s", h.screen())
	}
}

func TestTOTPScreenReadsAQRImage(t *testing.T) {
	h, ts := openTOTP(t, 0, true)
	uri := "otpauth://totp/Zoho:alice@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Zoho"
	bits, err := qrcode.NewQRCodeWriter().Encode(uri, gozxing.BarcodeFormat_QR_CODE, 240, 240, nil)
	if err != nil {
		t.Fatal(err)
	}
	var img bytes.Buffer
	if err := png.Encode(&img, bits); err != nil {
		t.Fatal(err)
	}

	// given the QR image the person set the authenticator up with, when it is loaded
	ts.useQR(&img)

	// then the secret is taken from it, never shown, and the code compares against it
	if ts.entry.Text != "" || !ts.fromQR {
		t.Fatalf("the QR secret was not taken (entry %q)", ts.entry.Text)
	}
	if h.s.win.Canvas().Focused() != ts.code {
		t.Error("after the QR image the focus is not on the code")
	}
	ts.code.SetText(phoneCode(t, testSecret, 0))
	h.key(fyne.KeyReturn)
	if !h.sees("the clocks agree") {
		t.Errorf("the QR secret's code did not match:\n%s", h.screen())
	}

	// and an image without a QR code says so
	ts.useQR(strings.NewReader("not a picture"))
	if !h.sees("No one-time-code QR code was found") {
		t.Errorf("a picture without a code was not answered:\n%s", h.screen())
	}
}

func TestTOTPSecretIsForgottenAndNeverCopied(t *testing.T) {
	h, ts := openTOTP(t, 0, true)
	clip := h.app.Clipboard()
	clip.SetContent("before")
	ts.entry.SetText(testSecret)
	ts.code.SetText(phoneCode(t, testSecret, 0))
	h.tap("Compare")

	// when the person selects the secret and copies it
	h.s.win.Canvas().Focus(ts.entry)
	ts.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	ts.entry.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	ts.entry.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	// then the clipboard does not get it
	if got := clip.Content(); got != "before" {
		t.Errorf("the clipboard holds %q after copying from the secret entry", got)
	}

	// when the person leaves the screen
	h.key(fyne.KeyEscape)
	// then the secret and the code are gone from the entries and from the screen's memory
	if ts.entry.Text != "" || ts.code.Text != "" || ts.secret.Valid() || ts.fromQR {
		t.Errorf("after leaving, the screen still holds the secret or code (entry %d chars, code %q)", len(ts.entry.Text), ts.code.Text)
	}
	if h.title() != "What do you see when you sign in?" {
		t.Errorf("Escape went to %q, not home", h.title())
	}
}

// measuredClock reads this computer's clock as offset (true time minus local) when known, with
// the default thresholds.
type measuredClock struct {
	offset time.Duration
	known  bool
}

func (c measuredClock) ClockOffset(context.Context) (time.Duration, bool) { return c.offset, c.known }
func (c measuredClock) Thresholds() clock.Thresholds                      { return clock.Thresholds{} }

// noSettings opens nothing, successfully.
type noSettings struct{}

func (noSettings) OpenDateTimeSettings() error { return nil }
