package ui

import (
	"context"
	"errors"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// calibrateScreen checks the phone's clock without the person's secret: it makes a throwaway
// key (checks/totp.Calibration), shows it as a QR code to scan into the authenticator app, and
// places the phone's clock by the codes the app then shows. The key lives in this screen only
// and is dropped when it closes: never saved, logged, or put on the clipboard.
type calibrateScreen struct {
	s       *shell
	cal     *totp.Calibration // nil when the key could not be made, and once the screen is left
	code    *entry
	qr      *canvas.Image
	key     *wrapText // the setup key, for an app that cannot scan
	clock   *wrapText
	result  *fyne.Container
	reading totp.ClockReading
	cancel  context.CancelFunc
	now     func() time.Time // this computer's clock; tests stand inside a step
}

// qrModulePixels is how many pixels a QR module takes in the image the screen draws.
const qrModulePixels = 4

// calibratePage is the clock check by a scan code.
func (s *shell) calibratePage() *page { return newCalibrateScreen(s).page() }

// calibrateButton opens the clock check by a scan code.
func (s *shell) calibrateButton() *button {
	return s.button(lang.L("Check the phone's clock…"), theme.HistoryIcon(), func() { s.push(s.calibratePage()) })
}

// withCalibration adds the clock check by a scan code beside the one-time-code check wherever
// a remedy's step offers that (otp-incorrect's check-totp-code): most people have no secret key
// to give the code check. row is the step's buttons, nil when it has none.
func (s *shell) withCalibration(row fyne.CanvasObject, actions []playbook.ActionView) fyne.CanvasObject {
	if !slices.ContainsFunc(actions, func(a playbook.ActionView) bool { return a.Kind == playbook.ActionOpenTOTPCheck }) {
		return row
	}
	if c, ok := row.(*fyne.Container); ok {
		c.Add(s.calibrateButton())
		return c
	}
	return container.NewHBox(s.calibrateButton())
}

func newCalibrateScreen(s *shell) *calibrateScreen {
	c := &calibrateScreen{s: s, code: s.entry(lang.L("Code shown"), false), key: paragraph(""), clock: paragraph(""),
		result: container.NewVBox(), now: time.Now}
	cal, err := totp.NewCalibration(lang.L("Sign-in Doctor"), calibrationEntry())
	if err == nil {
		c.cal = cal
	}
	return c
}

// calibrationEntry is the name of the entry the key makes in the app.
func calibrationEntry() string { return lang.L("Sign-in Doctor (clock check)") }

// page lays the screen out and starts measuring this computer's clock.
func (c *calibrateScreen) page() *page {
	s := c.s
	pg := &page{title: lang.L("Check the phone's clock"), leave: c.forget}
	var q totp.QRCode
	err := errors.New("no calibration key was made")
	if c.cal != nil {
		q, err = c.cal.QR()
	}
	if err != nil {
		pg.body = iconText(statusIcon(checks.Fail), lang.L("The check's key could not be made on this computer. Use the one-time-code check with your secret key instead."))
		return pg
	}
	c.qr = canvas.NewImageFromImage(q.Image(qrModulePixels))
	c.qr.FillMode = canvas.ImageFillContain
	c.qr.ScaleMode = canvas.ImageScalePixels
	side := float32(q.Size() * qrModulePixels) // whole pixels a module: 324 for the Japanese labels' 81 modules
	c.qr.SetMinSize(fyne.NewSize(side, side))
	c.key.SetText(lang.L("Cannot scan it? In the app, choose to enter a setup key (time-based, if it asks) and type this key: {{.Key}}",
		map[string]any{"Key": c.cal.SetupKey()}))

	c.code.SetPlaceHolder(lang.L("The code the entry shows now, e.g. 123 456"))
	c.code.OnSubmitted = func(string) { c.check() }
	check := s.button(lang.L("Check this code"), theme.ConfirmIcon(), c.check)
	check.Importance = widget.HighImportance

	intro := paragraph(lang.L("This check needs no secret key of yours. Scan the QR code below with the authenticator app you sign in with (Google Authenticator, Microsoft Authenticator, Zoho OneAuth, …). It adds an entry named \"{{.Entry}}\", for this check only. Then type the code that entry shows.",
		map[string]any{"Entry": calibrationEntry()}))
	form := fields(fieldName(lang.L("Code shown")), c.code)
	ctx, cancel := context.WithCancel(context.Background())
	c.cancel = cancel
	c.measureClock(ctx)
	pg.body = container.NewVBox(intro, container.NewCenter(newPicture(c.qr, lang.L("A QR code for your authenticator app: scanning it adds the entry \"{{.Entry}}\". Its setup key follows.", map[string]any{"Entry": calibrationEntry()}))), c.key, form, c.clock, c.result, c.cleanup())
	pg.actions = []fyne.CanvasObject{check}
	pg.focus = c.code
	return pg
}

// forget drops the key, its QR code and the codes typed.
func (c *calibrateScreen) forget() {
	if c.cancel != nil {
		c.cancel()
	}
	c.cal = nil
	if c.qr != nil {
		c.qr.Image = nil
		c.qr.Refresh()
	}
	c.key.SetText("")
	c.code.SetText("")
	c.result.RemoveAll()
}

// measureClock has the clock check measure this computer's clock, so the verdict can say which
// clock is wrong; codes typed meanwhile are judged again.
func (c *calibrateScreen) measureClock(ctx context.Context) {
	c.s.measureClock(ctx, c.clock, func(r totp.ClockReading) {
		c.reading = r
		if c.cal != nil && c.cal.Typed() > 0 {
			c.show()
		}
	})
}

// check takes the code typed and says what the codes so far tell.
func (c *calibrateScreen) check() {
	if c.cal == nil {
		return
	}
	err := c.cal.Add(c.code.Text, c.now())
	c.code.SetText("")
	c.s.win.Canvas().Focus(c.code)
	switch {
	case errors.Is(err, totp.ErrRepeatedCode):
		c.showWarning(lang.L("That is the code you typed before. Wait until the app shows a new code, then type that one."))
	case err != nil:
		c.showWarning(lang.L("Type the code exactly as the app shows it: 6 digits."))
	default:
		c.show()
	}
}

// showWarning puts a warning about the code just typed above what the codes so far tell.
func (c *calibrateScreen) showWarning(warning string) {
	c.show()
	c.result.Objects = append([]fyne.CanvasObject{iconText(statusIcon(checks.Warn), warning)}, c.result.Objects...)
	c.result.Refresh()
}

// show says what the codes typed tell: where they put the phone's clock, and once that is
// sure, which clock to set and how.
func (c *calibrateScreen) show() {
	c.result.RemoveAll()
	if c.cal.Typed() == 0 {
		return
	}
	var th clock.Thresholds // the defaults, where nothing measures the clock
	if c.s.deps.Clock != nil {
		th = c.s.deps.Clock.Thresholds()
	}
	v := totp.DecideCalibration(c.cal.Placement(), c.reading, th)
	for _, line := range progressWords(v) {
		c.result.Add(iconText(theme.InfoIcon(), line))
	}
	if !v.Confirmed {
		return
	}
	c.result.Add(iconText(statusIcon(v.Status), calibrationVerdictWords(v)))
	phone, computer := v.Culprit.Clocks()
	for _, id := range clockRemedies(phone, computer) {
		c.remedy(id)
	}
	c.result.Add(iconText(theme.InfoIcon(), lang.L("Now delete the entry \"{{.Entry}}\" from the app: the steps are below.", map[string]any{"Entry": calibrationEntry()})))
}

// clockRemedies are the playbook's remedies for the clocks to set.
func clockRemedies(phone, computer bool) []string {
	var ids []string
	if phone {
		ids = append(ids, "sync-phone-clock")
	}
	if computer {
		ids = append(ids, "sync-computer-clock")
	}
	return ids
}

// remedy shows the playbook's remedy id, as the one-time-code wizard has it for this computer
// and the person's phone, with its steps' buttons. A playbook without it shows nothing.
func (c *calibrateScreen) remedy(id string) {
	s := c.s
	adv := s.deps.Playbook.Advise(checks.Report{}, checks.SymptomOTPIncorrect, s.lang, s.deps.Platform)
	all := append(adv.Remedies, adv.More...)
	i := slices.IndexFunc(all, func(r playbook.RemedyView) bool { return r.ID == id })
	if i < 0 {
		return
	}
	r := all[i]
	c.result.Add(heading(r.Title))
	for _, st := range r.Steps {
		if isPhone(st.Platform) && s.phone != "" && st.Platform != s.phone {
			continue
		}
		text := st.Text
		if st.PlatformLabel != "" {
			text = st.PlatformLabel + ": " + text
		}
		c.result.Add(bullet(text))
		if row := s.actionButtons(st.Actions); row != nil {
			c.result.Add(row)
		}
	}
}

// cleanup tells the person to delete the calibration entry, app by app.
func (c *calibrateScreen) cleanup() fyne.CanvasObject {
	box := container.NewVBox(heading(lang.L("Afterwards: delete the entry \"{{.Entry}}\"", map[string]any{"Entry": calibrationEntry()})),
		paragraph(lang.L("The entry was for this check only, and its codes open nothing. Delete it from the app:")))
	for _, step := range cleanupWords() {
		box.Add(bullet(step))
	}
	return box
}
