package ui

import (
	"context"
	"image"
	"io"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// totpScreen compares the codes of the person's authenticator with this computer's clock.
// The secret lives in its entry and in secret only, and both are cleared when the screen
// closes: it is never logged, stored in preferences, or put on the clipboard (a password
// entry cannot be copied from).
type totpScreen struct {
	s       *shell
	secret  totp.Secret // read from a QR image; the entry's text otherwise
	fromQR  bool
	entry   *entry
	code    *entry
	result  *fyne.Container
	clock   *wrapText
	reading totp.ClockReading // this computer's clock against true time, when measured
	cancel  context.CancelFunc
}

// totpPage is the one-time-code screen.
func (s *shell) totpPage() *page { return newTOTPScreen(s).page() }

func newTOTPScreen(s *shell) *totpScreen {
	t := &totpScreen{s: s, entry: s.entry(lang.L("Secret key"), true),
		code: s.entry(lang.L("Phone's code"), false), result: container.NewVBox(),
		clock: paragraph("")}
	t.code.private = true // a live code of the person's account is not read out either
	return t
}

// page lays the screen out and starts measuring this computer's clock.
func (t *totpScreen) page() *page {
	s := t.s
	t.entry.SetPlaceHolder(lang.L("Secret key (base32) or otpauth:// link"))
	t.entry.OnChanged = func(string) { t.secret, t.fromQR = totp.Secret{}, false }
	t.code.SetPlaceHolder(lang.L("The code your phone shows now, e.g. 123 456"))
	check := s.button(lang.L("Compare"), theme.ConfirmIcon(), t.compare)
	check.Importance = widget.HighImportance
	t.entry.OnSubmitted = func(string) { s.win.Canvas().Focus(t.code) }
	t.code.OnSubmitted = func(string) { t.compare() }
	qr := s.button(lang.L("Load QR image…"), theme.FileImageIcon(), t.loadQR)

	intro := paragraph(lang.L("Your authenticator app makes a new code every 30 seconds from a secret key and the phone's clock. Give this screen the same secret key (or the QR image you set the app up with) and the code the phone shows now: it finds how far the phone's clock is from this computer's."))
	privacy := iconText(theme.InfoIcon(), lang.L("The secret stays in this window only. It is never saved, logged, or copied, and it is forgotten when you leave this screen."))
	form := fields(
		fieldName(lang.L("Secret key")), container.NewBorder(nil, nil, nil, qr, t.entry),
		fieldName(lang.L("Phone's code")), t.code,
	)
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	t.measureClock(ctx)
	return &page{
		title:   lang.L("Check a one-time code"),
		body:    container.NewVBox(intro, privacy, form, t.clock, t.result),
		actions: []fyne.CanvasObject{check},
		focus:   t.entry,
		leave:   t.forget,
	}
}

// forget clears the secret and the code from the entries and from memory.
func (t *totpScreen) forget() {
	t.cancel()
	t.entry.SetText("")
	t.code.SetText("")
	t.secret, t.fromQR = totp.Secret{}, false
	t.result.RemoveAll()
}

// measureClock asks the clock check how far this computer is from true time, so the result
// can say which clock is wrong.
func (t *totpScreen) measureClock(ctx context.Context) {
	t.s.measureClock(ctx, t.clock, func(r totp.ClockReading) {
		t.reading = r
		if len(t.result.Objects) > 0 {
			t.compare()
		}
	})
}

// loadQR reads the secret from a QR image the person picks.
func (t *totpScreen) loadQR() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			t.s.failed(lang.L("The image could not be opened."), err)
			return
		}
		if r == nil {
			return // cancelled
		}
		defer r.Close()
		t.useQR(r)
	}, t.s.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".gif", ".PNG", ".JPG", ".JPEG", ".GIF"}))
	t.s.showDialog(d, nil)
}

// useQR reads the secret from a QR image.
func (t *totpScreen) useQR(r io.Reader) {
	img, _, err := image.Decode(r)
	var sec totp.Secret
	if err == nil {
		sec, err = totp.DecodeQR(img)
	}
	if err != nil {
		t.showResult(statusIcon(checks.Fail), lang.L("No one-time-code QR code was found in that image. Use a screenshot of the QR code the service showed when you set up the authenticator."))
		return
	}
	t.entry.SetText("")
	t.secret, t.fromQR = sec, true
	t.entry.SetPlaceHolder(lang.L("Secret read from the QR image"))
	t.s.win.Canvas().Focus(t.code)
}

// compare finds the phone's code around this computer's time and says what it means.
func (t *totpScreen) compare() {
	sec := t.secret
	if !t.fromQR {
		var err error
		if sec, err = totp.Parse(t.entry.Text); err != nil {
			t.showResult(statusIcon(checks.Fail), lang.L("That is not a secret key. Type the letters and digits the service showed (A–Z, 2–7), or load the QR image."))
			return
		}
	}
	res, err := totp.Find(sec, t.code.Text, time.Now())
	if err != nil {
		t.showResult(statusIcon(checks.Fail), lang.L("Type the code exactly as the phone shows it, digits only."))
		return
	}
	var th clock.Thresholds // the defaults, where nothing measures the clock
	if t.s.deps.Clock != nil {
		th = t.s.deps.Clock.Thresholds()
	}
	v := totp.Decide(res, t.reading, th)
	t.showResult(statusIcon(v.Status), verdictWords(v))
	if v.Culprit == totp.CulpritComputer || v.Culprit == totp.CulpritBoth || v.Culprit == totp.CulpritEither {
		t.offerClockSettings()
	}
}

// showResult says what the comparison found.
func (t *totpScreen) showResult(icon fyne.Resource, text string) {
	t.result.RemoveAll()
	t.result.Add(iconText(icon, text))
}

// offerClockSettings adds a button to this computer's date and time settings, for when a
// clock is wrong.
func (t *totpScreen) offerClockSettings() {
	if t.s.deps.Settings != nil {
		t.result.Add(container.NewHBox(t.s.button(lang.L("Open date and time settings"), theme.SettingsIcon(),
			func() {
				t.s.run(lang.L("The date and time settings could not be opened."), t.s.deps.Settings.OpenDateTimeSettings)
			})))
	}
}
