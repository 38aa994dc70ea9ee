package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// result is a finished check for an injected report.
func result(id string, status checks.Status, details map[string]any, findings ...checks.Finding) checks.Result {
	for i := range findings {
		findings[i].Check = id
	}
	if details == nil {
		details = map[string]any{}
	}
	return checks.Result{ID: id, Status: status, Summary: string(status), Details: details, Findings: findings}
}

func finding(id string, severity checks.Status, params ...string) checks.Finding {
	p := map[string]string{}
	for i := 0; i+1 < len(params); i += 2 {
		p[params[i]] = params[i+1]
	}
	return checks.Finding{ID: id, Severity: severity, Params: p}
}

// symptomCases are, for every symptom of the article, what the checks report on a computer
// with that problem, and words of it the person must read in the wizard.
var symptomCases = []struct {
	symptom string
	report  []checks.Result
	read    []string
}{
	{checks.SymptomIPRestricted, []checks.Result{
		result(checks.PublicIP, checks.OK, map[string]any{"ipv4": "198.51.100.7"}),
		result(checks.VPN, checks.Warn, map[string]any{"active": true}, finding(checks.FindingVPNActive, checks.Warn, "interface", "tun0")),
		result(checks.Allowlist, checks.Fail, nil, finding(checks.FindingIPNotAllowed, checks.Fail, "address", "198.51.100.7")),
	}, []string{"tun0", "198.51.100.7"}},
	{checks.SymptomDailySigninLimit, nil, []string{"does not come from this computer"}},
	{checks.SymptomSigninAttemptLimit, nil, []string{"does not come from this computer"}},
	{checks.SymptomOneAuthRestriction, nil, nil},
	{checks.SymptomOneAuthUpdate, []checks.Result{
		result(checks.Connectivity, checks.Fail, map[string]any{"online": false}, finding(checks.FindingOffline, checks.Fail)),
	}, []string{"not connected to the internet"}},
	{checks.SymptomSessionLimit, nil, nil},
	{checks.SymptomAccountInactive, nil, nil},
	{checks.SymptomIdPEmailChanged, nil, nil},
	{checks.SymptomDisallowedUserAgent, []checks.Result{
		result(checks.Browsers, checks.Warn, nil, finding(checks.FindingDefaultUnsupported, checks.Warn, "default", "Foo Browser", "suggestion", "Firefox")),
	}, []string{"Foo Browser"}},
	{checks.SymptomForgotPassword, nil, nil},
	{checks.SymptomMailClient, []checks.Result{
		result(checks.Reach, checks.Fail, nil, finding(checks.FindingMailPortBlocked, checks.Fail, "endpoint", "imap.zoho.com:993")),
	}, []string{"imap.zoho.com:993"}},
	{checks.SymptomOTPIncorrect, []checks.Result{
		result(checks.Clock, checks.Fail, map[string]any{"offset_ms": 95200.0}, finding(checks.FindingClockSkew, checks.Fail, "offset_seconds", "95", "direction", "behind")),
		result(checks.TimeSync, checks.Warn, nil, finding(checks.FindingTimeSyncOff, checks.Warn)),
	}, []string{"95 s", "Automatic time setting"}},
	{checks.SymptomMFADeviceLost, nil, nil},
	{checks.SymptomOther, []checks.Result{
		result(checks.Connectivity, checks.Unknown, nil),
		result(checks.Clock, checks.OK, map[string]any{"offset_ms": 12.0}),
	}, []string{"could not be checked", "Could not tell whether you are online"}},
}

func TestEverySymptomFromHomeToReport(t *testing.T) {
	book := playbook.Default()
	for _, tc := range symptomCases {
		t.Run(tc.symptom, func(t *testing.T) {
			rep := checks.Report{Results: tc.report}
			asked := make(chan string, 4)
			h := newHarness(t, i18n.English, Deps{Playbook: book, Checks: scripted(rep, asked)})
			sym, _ := book.Symptom(tc.symptom)

			// given the home screen, when the person taps the message they see
			h.tap(sym.Error.EN)

			// then the checks that matter run and fill the live list, or, for a message this
			// computer has nothing to do with, the wizard opens at once
			if len(checks.ChecksFor(tc.symptom)) > 0 {
				if got := <-asked; got != tc.symptom {
					t.Fatalf("Diagnose was asked for %q, want %q", got, tc.symptom)
				}
				h.pump("the checks to finish", func() bool { return !h.button("See what to do").Disabled() })
				for _, r := range tc.report {
					if line := book.CheckLine(r, i18n.English); !h.sees(line) {
						t.Errorf("the live list lacks %q for %s", line, r.ID)
					}
				}
				if h.focusedText() != "See what to do" {
					t.Errorf("after the checks the focus is on %q, want the wizard's button", h.focusedText())
				}
				h.key(fyne.KeyReturn)
			}

			// then the wizard says first what was found, in plain words
			adv := book.Advise(rep, tc.symptom, i18n.English, "linux")
			if !h.sees("What was found") {
				t.Fatalf("the wizard does not open with what was found:\n%s", h.screen())
			}
			for _, f := range adv.Findings {
				if !h.sees(f.Message) {
					t.Errorf("the wizard does not say %q", f.Message)
				}
			}
			for _, w := range tc.read {
				if !h.sees(w) {
					t.Errorf("the wizard does not say %q:\n%s", w, h.screen())
				}
			}
			// when the symptom asks whose account it is, the person answers the first way
			if adv.Question != nil {
				if !h.sees(adv.Question.Text) {
					t.Errorf("the wizard does not ask %q", adv.Question.Text)
				}
				h.tap(adv.Question.Choices[0].Label)
				adv = adv.Choose(adv.Question.Choices[0].ID)
			} else {
				h.tap("Next")
			}

			// then every remedy is one page, "Remedy n of m", with all its steps; the first
			// with steps that differ by phone asks which phone, and only that phone's show
			if len(adv.Remedies) == 0 {
				t.Fatalf("the advice for %s has no remedy", tc.symptom)
			}
			walkRemedies(t, h, adv.Remedies, "iPhone", playbook.IOS)
			// then the end asks whether it helped and offers the report, which shows first
			// what will be shared
			if !h.sees("Did that help?") {
				t.Fatalf("after the last step the wizard does not ask whether it helped:\n%s", h.screen())
			}
			h.tap("Share a report…")
			if h.title() != "Share a report" || !h.sees("never holds a password") {
				t.Fatalf("the report page does not show what will be shared first:\n%s", h.screen())
			}
			if !h.sees("(" + tc.symptom + ")") {
				t.Errorf("the report preview does not name the symptom %s", tc.symptom)
			}
		})
	}
}

func TestNotSureChecksEverything(t *testing.T) {
	asked := make(chan string, 4)
	rep := checks.Report{Results: []checks.Result{result(checks.VPN, checks.OK, nil)}}
	h := newHarness(t, i18n.English, Deps{Checks: scripted(rep, asked)})

	// given the home screen, when the person is not sure
	h.tap("I'm not sure — check everything")

	// then every check runs, and the wizard advises on the "other" symptom
	if got := <-asked; got != "" {
		t.Errorf("Diagnose was asked for %q, want every check (\"\")", got)
	}
	for _, id := range checks.CheckIDs() {
		if !h.sees(h.s.deps.Playbook.CheckTitle(id, i18n.English)) {
			t.Errorf("the live list has no row for %s", id)
		}
	}
	h.pump("the checks to finish", func() bool { return !h.button("See what to do").Disabled() })
	h.tap("See what to do")
	other, _ := h.s.deps.Playbook.Symptom(checks.SymptomOther)
	if h.title() != other.Title.EN {
		t.Errorf("the wizard's title is %q, want the \"other\" symptom's %q", h.title(), other.Title.EN)
	}
}

func TestPastedMessageOffersItsSymptom(t *testing.T) {
	h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 4))})
	book := h.s.deps.Playbook
	sym, _ := book.Symptom(checks.SymptomIPRestricted)

	// given the home screen, when the person pastes the message and presses Enter
	e := h.pasteBox()
	h.s.win.Canvas().Focus(e)
	e.SetText("Error: " + strings.ToLower(sym.Error.EN) + " (code 123)")
	h.key(fyne.KeyReturn)

	// then the matching symptom is offered, focused, and Enter takes it
	if !h.sees("This looks like:") {
		t.Fatalf("no symptom was offered:\n%s", h.screen())
	}
	if h.focusedText() != sym.Error.EN {
		t.Fatalf("the focus is on %q, want the offered %q", h.focusedText(), sym.Error.EN)
	}
	h.key(fyne.KeyReturn)
	if h.title() != "Checking" {
		t.Errorf("Enter on the offer opened %q, want the checks", h.title())
	}

	// and a message that matches nothing says so
	h.key(fyne.KeyEscape)
	e = h.pasteBox()
	e.SetText("zzzz qqqq")
	h.s.win.Canvas().Focus(e)
	h.key(fyne.KeyReturn)
	if !h.sees("No message matches") {
		t.Errorf("an unknown message was not answered:\n%s", h.screen())
	}
}

// pasteBox is the home screen's entry for a pasted message.
func (h *harness) pasteBox() *entry {
	h.t.Helper()
	for _, o := range h.objects() {
		if e, ok := o.(*entry); ok && !e.Password {
			return e
		}
	}
	h.t.Fatal("no paste box on screen")
	return nil
}

// walkRemedies goes through remedies as the person does: each page shows "Remedy n of m", its
// title and its steps; where steps differ by phone it answers answer (once: later pages do not
// ask again) and then shows that phone's steps only; the last page's Next is Finish.
func walkRemedies(t *testing.T, h *harness, remedies []playbook.RemedyView, answer, phone string) {
	t.Helper()
	asked := false
	for n, r := range remedies {
		if want := fmt.Sprintf("Remedy %d of %d", n+1, len(remedies)); !h.sees(want) || !h.sees(r.Title) {
			t.Fatalf("remedy %d: the wizard does not show %q and %q:\n%s", n+1, want, r.Title, h.screen())
		}
		differs := slices.ContainsFunc(r.Steps, func(st playbook.StepView) bool { return isPhone(st.Platform) })
		if differs && h.sees("Which phone do you use?") == asked {
			t.Fatalf("remedy %d: asked about the phone %v, want only the first time (asked before: %v):\n%s", n+1, !asked, asked, h.screen())
		}
		if differs && !asked {
			h.tap(answer)
			asked = true
		}
		for _, st := range r.Steps {
			shown := h.sees(st.Text)
			switch {
			case !isPhone(st.Platform) || st.Platform == phone:
				if !shown {
					t.Errorf("remedy %d: the step %q is not shown:\n%s", n+1, st.Text, h.screen())
				}
			case shown && !stepTextElsewhere(r, st, phone):
				t.Errorf("remedy %d: the %s step %q shows for a person with another phone", n+1, st.Platform, st.Text)
			}
			if st.Helpdesk && !h.sees("Ask the person who manages") {
				t.Errorf("remedy %d sends the person to their administrator but says nothing of whom", n+1)
			}
		}
		next := "Next remedy"
		if n == len(remedies)-1 {
			next = "Finish"
		}
		h.tap(next)
	}
}

// stepTextElsewhere reports whether another shown step of r has the same text as st (a step
// worded alike for both phones).
func stepTextElsewhere(r playbook.RemedyView, st playbook.StepView, phone string) bool {
	for _, o := range r.Steps {
		if o.Text == st.Text && (!isPhone(o.Platform) || o.Platform == phone) {
			return true
		}
	}
	return false
}
