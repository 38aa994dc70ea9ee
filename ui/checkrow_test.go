package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
)

// The check row is the one custom widget: its look is pinned by golden images, in English
// and the test theme, so they do not depend on this machine's fonts.
func TestCheckRowLooks(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		golden string
		set    func(r *checkRow)
	}{
		{"checkrow_waiting.png", func(*checkRow) {}},
		{"checkrow_ok.png", func(r *checkRow) { r.done(checks.OK, "The clock is right") }},
		{"checkrow_warn.png", func(r *checkRow) { r.done(checks.Warn, "Automatic time setting is off") }},
		{"checkrow_fail.png", func(r *checkRow) { r.done(checks.Fail, "The clock is 95 s behind") }},
		{"checkrow_unknown.png", func(r *checkRow) {
			r.done(checks.Unknown, "Could not compare with the true time (offline?)")
		}},
		{"checkrow_skipped.png", func(r *checkRow) { r.done(checks.Skipped, "Not checked") }},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			r := newCheckRow("Computer clock")
			tt.set(r)
			w := test.NewWindow(r)
			defer w.Close()
			w.Resize(fyne.NewSize(560, 64))
			test.AssertImageMatches(t, tt.golden, w.Canvas().Capture())
		})
	}
}

func TestCheckRowStates(t *testing.T) {
	test.NewTempApp(t)
	speak(t, i18n.English)
	r := newCheckRow("Computer clock")
	r.slow() // not running: nothing to say
	if r.line.Text != "waiting…" {
		t.Errorf("a waiting row says %q", r.line.Text)
	}
	r.running()
	if !r.spinner.Visible() || r.icon.Visible() {
		t.Error("a running row shows no spinner, or a verdict")
	}
	r.slow()
	if r.line.Text != "still checking… (this can take a few seconds)" {
		t.Errorf("a slow row says %q", r.line.Text)
	}
	r.done(checks.Fail, "The clock is 95 s behind")
	r.slow() // too late: it is done
	if r.spinner.Visible() || !r.icon.Visible() || r.line.Text != "The clock is 95 s behind" {
		t.Errorf("a finished row shows spinner=%v icon=%v %q", r.spinner.Visible(), r.icon.Visible(), r.line.Text)
	}
}
