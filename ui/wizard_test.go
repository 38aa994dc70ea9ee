package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// clockBehind is a run of the one-time-code symptom's checks on a computer 95 s behind.
var clockBehind = checks.Report{Results: []checks.Result{
	result(checks.Clock, checks.Fail, map[string]any{"offset_ms": 95200.0}, finding(checks.FindingClockSkew, checks.Fail, "offset_seconds", "95", "direction", "behind")),
	result(checks.TimeSync, checks.OK, nil),
}}

// clockRight is the same checks once the clock is set.
var clockRight = checks.Report{Results: []checks.Result{
	result(checks.Clock, checks.OK, map[string]any{"offset_ms": 12.0}),
	result(checks.TimeSync, checks.OK, nil),
}}

// runs is a Diagnose that answers with each report in turn, the last one ever after.
func runs(reports ...checks.Report) DiagnoseFunc {
	n := 0
	return func(context.Context, string, func(checks.Event)) checks.Report {
		r := reports[min(n, len(reports)-1)]
		n++
		return r
	}
}

// openOTPWizard goes from the home screen to the wizard's first remedy for a rejected code.
func openOTPWizard(t *testing.T, d DiagnoseFunc) *harness {
	t.Helper()
	h := newHarness(t, i18n.English, Deps{Checks: d})
	sym, _ := h.s.deps.Playbook.Symptom(checks.SymptomOTPIncorrect)
	h.tap(sym.Error.EN)
	h.pump("the checks to finish", func() bool { return !h.button("See what to do").Disabled() })
	h.tap("See what to do")
	h.tap("Next")
	return h
}

// The remedy is one page: its steps numbered, the current one marked; ticking one off moves
// the mark to the next and keeps the focus on the box just ticked.
func TestARemedyIsAChecklist(t *testing.T) {
	h := openOTPWizard(t, runs(clockBehind))
	adv := h.s.deps.Playbook.Advise(clockBehind, checks.SymptomOTPIncorrect, i18n.English, "linux")
	first := adv.Remedies[0]
	if len(first.Steps) < 2 {
		t.Fatalf("the first remedy %q has %d steps; the test needs two", first.ID, len(first.Steps))
	}
	for i, st := range first.Steps {
		if !h.sees(st.Text) {
			t.Errorf("step %d %q is not on the remedy's page:\n%s", i+1, st.Text, h.screen())
		}
	}
	if !h.sees("1.") || !h.sees("2.") {
		t.Errorf("the steps are not numbered:\n%s", h.screen())
	}
	if got := boldTexts(h, first); len(got) != 1 || got[0] != first.Steps[0].Text {
		t.Errorf("marked as current: %q, want the first step alone", got)
	}
	boxes := checksOnScreen(h)
	test.Tap(boxes[0])
	if got := boldTexts(h, first); len(got) != 1 || got[0] != first.Steps[1].Text {
		t.Errorf("after the first is done, marked as current: %q, want the second step", got)
	}
	if f, ok := h.s.win.Canvas().Focused().(*doneBox); !ok || !f.Checked {
		t.Errorf("the focus is on %T, want the box just ticked", h.s.win.Canvas().Focused())
	}
}

// Where steps differ by phone the wizard asks once, shows only that phone's steps without
// naming the platform again in them, and does not ask on a later remedy.
func TestThePhoneIsAskedOnce(t *testing.T) {
	h := openOTPWizard(t, runs(clockBehind))
	for !h.sees("Which phone do you use?") {
		if len(h.buttons("Next remedy")) == 0 {
			t.Fatalf("no remedy of a rejected code asks about the phone:\n%s", h.screen())
		}
		h.tap("Next remedy")
	}
	h.tap("Android")
	screen := h.screen()
	for _, w := range []string{"Time correction for codes", "Sync now"} {
		if !strings.Contains(screen, w) {
			t.Errorf("the Android steps lack %q:\n%s", w, screen)
		}
	}
	for _, w := range []string{"Set Automatically", "On iOS", "On Android", "iPhone (iOS):", "Android:"} {
		if strings.Contains(screen, w) {
			t.Errorf("after Android was chosen the page says %q:\n%s", w, screen)
		}
	}
	if h.s.phone != "android" {
		t.Errorf("the window remembers the phone as %q", h.s.phone)
	}
	h.key(fyne.KeyEscape) // leave the wizard, and open it again: the answer is kept
	h.tap("See what to do")
	for len(h.buttons("Next remedy")) > 0 || len(h.buttons("Next")) > 0 {
		if h.sees("Which phone do you use?") {
			t.Fatalf("the wizard asks about the phone again:\n%s", h.screen())
		}
		h.forward()
	}
}

// After a remedy the person checks again and sees each check before and after; with the
// clock now right the wizard says so and asks whether sign-in works.
func TestCheckAgainShowsBeforeAndAfter(t *testing.T) {
	h := openOTPWizard(t, runs(clockBehind, clockRight))
	h.tap("Check again")
	h.pump("the checks to run again", func() bool { return len(h.buttons("Continue")) > 0 && !h.button("Continue").Disabled() })
	if !h.sees("Computer clock: The clock is far off → The clock is right") {
		t.Errorf("the clock's before and after is not shown:\n%s", h.screen())
	}
	if !h.sees("Everything checked is in order now.") {
		t.Errorf("the page does not say the problem is gone:\n%s", h.screen())
	}
	h.tap("Continue")
	if !h.sees("Did that help?") {
		t.Errorf("after checking again the wizard does not ask whether it helped:\n%s", h.screen())
	}
}

// A check still wrong after the remedy leads back to its remedy.
func TestCheckAgainLeadsBackToWhatIsStillWrong(t *testing.T) {
	h := openOTPWizard(t, runs(clockBehind))
	h.tap("Next remedy")
	h.tap("Check again")
	h.pump("the checks to run again", func() bool { return !h.button("Back to what to do").Disabled() })
	if !h.sees("Something is still wrong") || !h.sees("The clock is far off → The clock is far off") {
		t.Errorf("the page does not say the clock is still off:\n%s", h.screen())
	}
	h.tap("Back to what to do")
	if !h.sees("Remedy 1 of") {
		t.Errorf("back in the wizard, it is not at the first remedy:\n%s", h.screen())
	}
}

// boldTexts are the steps of r shown in bold: the current one.
func boldTexts(h *harness, r playbook.RemedyView) []string {
	var out []string
	for _, o := range h.objects() {
		l, ok := o.(*wrapText)
		if !ok || !l.Visible() || !l.TextStyle.Bold {
			continue
		}
		for _, st := range r.Steps {
			if l.Text == st.Text {
				out = append(out, l.Text)
			}
		}
	}
	return out
}

func checksOnScreen(h *harness) []*doneBox {
	var out []*doneBox
	for _, o := range h.objects() {
		if c, ok := o.(*doneBox); ok && c.Visible() {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		h.t.Fatalf("no box to tick on screen:\n%s", h.screen())
	}
	return out
}
