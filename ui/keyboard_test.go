package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
)

func TestTheWholeWizardWorksFromTheKeyboard(t *testing.T) {
	rep := checks.Report{Results: symptomCases[0].report} // ip-restricted, VPN on tun0
	h := newHarness(t, i18n.English, Deps{Checks: scripted(rep, make(chan string, 4))})
	book := h.s.deps.Playbook
	first, _ := book.Symptom(checks.SymptomIDs()[0])

	// given the home screen, the first message has the focus, so Enter picks it
	if h.focusedText() != first.Error.EN {
		t.Fatalf("the home screen focuses %q, want the first message %q", h.focusedText(), first.Error.EN)
	}
	h.key(fyne.KeyReturn)
	h.pump("the checks to finish", func() bool { return h.focusedText() == "See what to do" })

	// when the person presses Enter at every screen
	h.key(fyne.KeyReturn)
	adv := book.Advise(rep, checks.SymptomIPRestricted, i18n.English, "linux")
	if adv.Question == nil {
		t.Fatal("ip-restricted asks whose account it is; the playbook changed")
	}
	if h.focusedText() != adv.Question.Choices[0].Label {
		t.Fatalf("the question focuses %q, want its first answer", h.focusedText())
	}
	// Tab reaches the second answer
	h.tab()
	if h.focusedText() != adv.Question.Choices[1].Label {
		t.Fatalf("Tab from the first answer focuses %q, want %q", h.focusedText(), adv.Question.Choices[1].Label)
	}
	h.key(fyne.KeyReturn)
	adv = adv.Choose(adv.Question.Choices[1].ID)
	for i := range adv.Remedies {
		want := "Next remedy"
		if i == len(adv.Remedies)-1 {
			want = "Finish"
		}
		if h.focusedText() != want {
			t.Fatalf("remedy %d focuses %q, want %s", i+1, h.focusedText(), want)
		}
		h.key(fyne.KeyReturn)
	}

	// then they reach the end, and the report, without a mouse
	if h.focusedText() != "Share a report…" {
		t.Fatalf("the end focuses %q, want the report", h.focusedText())
	}
	h.key(fyne.KeySpace)
	if h.title() != "Share a report" {
		t.Fatalf("Space on the report button opened %q", h.title())
	}

	// and Escape goes back, page by page, to the home screen, which it does not leave
	sym, _ := book.Symptom(checks.SymptomIPRestricted)
	for _, want := range []string{sym.Title.EN, "Checking", "What do you see when you sign in?", "What do you see when you sign in?"} {
		h.key(fyne.KeyEscape)
		if h.title() != want {
			t.Fatalf("Escape went to %q, want %q", h.title(), want)
		}
	}
}

func TestEscapeClosesADialogBeforeTheScreen(t *testing.T) {
	h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 4))})
	h.tap("I'm not sure — check everything")
	h.pump("the checks to finish", func() bool { return h.focusedText() == "See what to do" })
	h.key(fyne.KeyReturn)
	for !h.sees("Did that help?") {
		h.forward()
	}
	h.tap("Share a report…")

	// given a dialog over the report, when the person presses Escape
	h.tap("Copy")
	if !h.sees("The report is on the clipboard") {
		t.Fatalf("copying said nothing:\n%s", h.screen())
	}
	h.key(fyne.KeyEscape)

	// then the dialog closes and the report stays
	if h.sees("The report is on the clipboard") || h.title() != "Share a report" {
		t.Fatalf("Escape did not close just the dialog: page %q\n%s", h.title(), h.screen())
	}
}

func TestTabScrollsTheFocusIntoView(t *testing.T) {
	h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 1))})
	last, _ := h.s.deps.Playbook.Symptom(checks.SymptomMFADeviceLost)

	// given the home screen, when Tab moves the focus down to a message below the fold
	for h.focusedText() != last.Error.EN {
		h.tab()
	}

	// then the page has scrolled so that the focused message is in view
	b := h.button(last.Error.EN)
	d := h.app.Driver()
	top := d.AbsolutePositionForObject(b).Y - d.AbsolutePositionForObject(h.s.scroll).Y
	if top < 0 || top+b.Size().Height > h.s.scroll.Size().Height+1 {
		t.Errorf("the focused message is at %v..%v of a %v-high view (offset %v)", top, top+b.Size().Height,
			h.s.scroll.Size().Height, h.s.scroll.Offset.Y)
	}
}

// The remedy's checklist, checking again and the way back, by the keyboard alone: Tab to a
// step's Done box, Space ticks it, Shift+Tab goes back to the control before it, Enter on
// "Check again" runs the checks, Enter on the result goes back to the wizard, Escape leaves.
func TestTheChecklistAndCheckAgainWorkFromTheKeyboard(t *testing.T) {
	h := openOTPWizard(t, runs(clockBehind, clockRight))

	// given the first remedy, when Tab reaches the first Done box and Space is pressed
	var box *doneBox
	for range 40 {
		if b, ok := h.s.win.Canvas().Focused().(*doneBox); ok {
			box = b
			break
		}
		h.tab()
	}
	if box == nil {
		t.Fatalf("Tab never reaches a Done box:\n%s", h.screen())
	}
	h.key(fyne.KeySpace)
	// then the step is done, and the focus stays on its box
	ticked, ok := h.s.win.Canvas().Focused().(*doneBox)
	if !ok || !ticked.Checked {
		t.Fatalf("Space did not tick the box: the focus is on %T", h.s.win.Canvas().Focused())
	}
	// and Shift+Tab goes back to the control before it, Tab forward again to the box
	h.s.win.Canvas().FocusPrevious()
	if h.s.win.Canvas().Focused() == fyne.Focusable(ticked) {
		t.Fatal("Shift+Tab did not move the focus")
	}
	h.tab()
	if h.s.win.Canvas().Focused() != fyne.Focusable(ticked) {
		t.Fatalf("Tab after Shift+Tab focuses %T, want the box again", h.s.win.Canvas().Focused())
	}

	// when Tab reaches "Check again" and Enter is pressed, the checks run again
	tabTo(t, h, "Check again")
	h.key(fyne.KeyReturn)
	h.pump("the checks to run again", func() bool { return h.focusedText() == "Continue" })
	if !h.sees("The clock is far off → The clock is right") {
		t.Errorf("checking again does not show before → after:\n%s", h.screen())
	}
	// then Enter goes on to the end, and Escape back to the checks' page and home
	h.key(fyne.KeyReturn)
	if !h.sees("Did that help?") {
		t.Fatalf("Continue did not lead to the end:\n%s", h.screen())
	}
	h.key(fyne.KeyEscape)
	if h.title() != "Checking" {
		t.Errorf("Escape from the wizard went to %q, want the checks", h.title())
	}
}

// The one-time-code screen by the keyboard alone: the secret's field has the focus, Enter moves
// to the code, Enter compares, Escape leaves and forgets both.
func TestTheOneTimeCodeScreenWorksFromTheKeyboard(t *testing.T) {
	h, ts := openTOTP(t, 0, true)
	if h.s.win.Canvas().Focused() != fyne.Focusable(ts.entry) {
		t.Fatalf("the screen opens with the focus on %T, want the secret's field", h.s.win.Canvas().Focused())
	}
	const secret = "JBSWY3DPEHPK3PXP"
	test.Type(ts.entry, secret)
	h.key(fyne.KeyReturn)
	if h.s.win.Canvas().Focused() != fyne.Focusable(ts.code) {
		t.Fatalf("Enter in the secret's field focuses %T, want the code's", h.s.win.Canvas().Focused())
	}
	test.Type(ts.code, phoneCode(t, secret, 0))
	h.key(fyne.KeyReturn)
	if !h.sees("The phone's code matches this computer's clock") {
		t.Errorf("Enter in the code's field did not compare:\n%s", h.screen())
	}
	h.key(fyne.KeyEscape)
	if h.title() == "Check a one-time code" || ts.entry.Text != "" || ts.code.Text != "" {
		t.Errorf("Escape left the screen %q with the secret %q and code %q", h.title(), ts.entry.Text, ts.code.Text)
	}
}
