package ui

import (
	"testing"

	"fyne.io/fyne/v2"

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
