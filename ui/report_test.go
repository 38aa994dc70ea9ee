package ui

import (
	"fyne.io/fyne/v2"
	"net/url"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/config"
)

var testHelpdesk = config.Helpdesk{Name: "IT Helpdesk", Email: "helpdesk@example.com", URL: "https://help.example.com", Phone: "+81-3-0000-0000"}

// toReport goes from home through symptom's checks and wizard to the report page.
func toReport(t *testing.T, h *harness, symptom string) {
	t.Helper()
	sym, _ := h.s.deps.Playbook.Symptom(symptom)
	h.tap(sym.Error.EN)
	if len(checks.ChecksFor(symptom)) > 0 {
		h.pump("the checks to finish", func() bool { return !h.button("See what to do").Disabled() })
		h.tap("See what to do")
	}
	for !h.sees("Did that help?") {
		if h.onQuestion() {
			h.key(fyne.KeyReturn) // the first answer
		}
		h.forward()
	}
	h.tap("Share a report…")
}

func TestReportShowsWhatIsSharedAndHoldsNoSecret(t *testing.T) {
	rep := checks.Report{Results: []checks.Result{
		result(checks.Clock, checks.Fail, map[string]any{"offset_ms": 95200.0, "password": "hunter2",
			"error": "GET https://user:hunter2@proxy.example/?secret=JBSWY3DPEHPK3PXP failed"},
			finding(checks.FindingClockSkew, checks.Fail, "offset_seconds", "95", "direction", "behind")),
		result(checks.TimeSync, checks.OK, nil),
	}}
	h := newHarness(t, i18n.English, Deps{Checks: scripted(rep, make(chan string, 4)), Helpdesk: testHelpdesk})

	// given the wizard for a one-time code rejected, when the person opens the report
	toReport(t, h, checks.SymptomOTPIncorrect)

	// then it shows first, in full, what will be shared, with no secret in it
	preview := strings.Join(h.texts(), "\n")
	for _, secret := range []string{"hunter2", "JBSWY3DPEHPK3PXP"} {
		if strings.Contains(preview, secret) {
			t.Errorf("the report preview shows the secret %q", secret)
		}
	}
	if !strings.Contains(preview, "95") {
		t.Errorf("the report preview lacks what was found:\n%s", preview)
	}

	// when they copy it, the clipboard gets exactly the preview
	h.tap("Copy")
	copied := h.app.Clipboard().Content()
	if copied == "" || !strings.Contains(preview, strings.TrimSpace(copied)) {
		t.Errorf("the clipboard holds something other than the preview:\n%s", copied)
	}
	h.key(fyne.KeyReturn) // closes the "copied" dialog

	// when they e-mail it, the helpdesk's address gets it with a subject and the body
	h.tap("Email to IT Helpdesk")
	if len(h.opened) != 1 {
		t.Fatalf("e-mailing opened %v", h.opened)
	}
	u, err := url.Parse(h.opened[0])
	if err != nil || u.Scheme != "mailto" || u.Opaque != "helpdesk@example.com" {
		t.Fatalf("e-mailing opened %q, want a mailto: to the helpdesk", h.opened[0])
	}
	q := u.Query()
	if q.Get("subject") == "" || strings.TrimSpace(strings.ReplaceAll(q.Get("body"), "\r\n", "\n")) != strings.TrimSpace(copied) {
		t.Errorf("the mail's subject %q or body differ from the report", q.Get("subject"))
	}
}

func TestHelpdeskIsNamedWhereARemedySaysAskYourAdministrator(t *testing.T) {
	for _, tc := range []struct {
		name     string
		helpdesk config.Helpdesk
		want     string
	}{
		{"given IT named a helpdesk, then its name and contact show", testHelpdesk, "Your helpdesk: IT Helpdesk"},
		{"given none, then it says whom to ask", config.Helpdesk{}, "Ask the person who manages"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 4)), Helpdesk: tc.helpdesk})
			sym, _ := h.s.deps.Playbook.Symptom(checks.SymptomForgotPassword)
			h.tap(sym.Error.EN)
			seen := false
			for !h.sees("Did that help?") {
				if h.onQuestion() {
					h.key(fyne.KeyReturn) // the first answer: an organisation's account
				}
				seen = seen || h.sees(tc.want)
				h.forward()
			}
			if !seen {
				t.Errorf("no step of the organisation's remedy shows %q", tc.want)
			}
			if tc.helpdesk.Configured() && len(h.buttons("helpdesk@example.com")) == 0 {
				t.Errorf("the end does not offer to e-mail the helpdesk:\n%s", h.screen())
			}
		})
	}
}
