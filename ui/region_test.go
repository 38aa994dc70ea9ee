package ui

import (
	"context"
	"testing"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/config"
)

// regions is a RegionChooser that records the data centre chosen.
type regions struct{ chosen *string }

func (regions) Regions() []config.Region { return config.Regions() }

func (r regions) Choose(id string) (Diagnoser, ClockReader, *playbook.Playbook) {
	*r.chosen = id
	reg, _ := config.RegionByID(id)
	book := playbook.Default().ForService(playbook.Service{Accounts: reg.Accounts(), IMAP: reg.IMAP(), SMTP: reg.SMTP()})
	return DiagnoseFunc(func(context.Context, string, func(checks.Event)) checks.Report { return checks.Report{} }), nil, book
}

// Where IT named no data centre, the first diagnosis asks the person's; the remedies then
// send them to its sign-in page, and nobody is asked twice.
func TestTheDataCentreIsAskedOnceAndFollowed(t *testing.T) {
	var chosen string
	h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 4)), Region: regions{&chosen}})
	sym, _ := h.s.deps.Playbook.Symptom(checks.SymptomSessionLimit)
	h.tap(sym.Error.EN)
	if h.title() != "Your Zoho account's data centre" {
		t.Fatalf("the first diagnosis did not ask for the data centre: %q\n%s", h.title(), h.screen())
	}
	if h.focusedText() != "United States (US) — accounts.zoho.com" {
		t.Errorf("the question focuses %q, want its first answer", h.focusedText())
	}
	h.tap("Japan (JP) — accounts.zoho.jp")
	if chosen != "jp" {
		t.Fatalf("the window chose %q, want jp", chosen)
	}
	h.tap("Next")
	if !h.sees("accounts.zoho.jp") || h.sees("accounts.zoho.com") {
		t.Errorf("the remedy does not send the person to zoho.jp:\n%s", h.screen())
	}
	h.s.home()
	h.tap(sym.Error.EN)
	if h.title() == "Your Zoho account's data centre" {
		t.Error("the window asked for the data centre a second time")
	}
}
