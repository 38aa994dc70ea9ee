package ui

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/proof"
	"github.com/signin-doctor/signin-doctor/report"
)

// TestTOTPSecretLeavesNoTrace goes through the one-time-code screen as a person does — types
// a fresh secret, compares the phone's code, copies the report for the helpdesk, leaves — with
// HOME, the XDG folders and the temp folder pointing at a new directory; then looks for the
// secret, in every form it could take, in every file written there and in the app's storage,
// in the preferences, on the clipboard, in the report and on screen.
func TestTOTPSecretLeavesNoTrace(t *testing.T) {
	root := t.TempDir()
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR"} {
		dir := filepath.Join(root, strings.ToLower(v))
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		t.Setenv(v, dir)
	}
	key := make([]byte, 20)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	b32 := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(key)
	typed := strings.ToLower(b32[:4] + " " + b32[4:8] + "-" + b32[8:]) // as a person pastes it
	forms := proof.SecretForms(key, map[string]string{"as typed": typed})

	h, ts := openTOTP(t, 0, true)
	ts.entry.SetText(typed)
	h.key(fyne.KeyReturn)
	ts.code.SetText(phoneCode(t, typed, 0))
	h.key(fyne.KeyReturn)
	if !h.sees("the clocks agree") {
		t.Fatalf("the code was not compared:\n%s", h.screen())
	}
	onScreen := strings.Join(h.texts(), "\n")
	h.key(fyne.KeyEscape)

	rep := checks.Report{Results: []checks.Result{{ID: checks.Clock, Status: checks.OK, Summary: "clock is 0.01 s behind", Details: map[string]any{"offset_ms": 10.0}}}}
	adv := h.s.deps.Playbook.Advise(rep, checks.SymptomOTPIncorrect, i18n.English, "linux")
	h.s.push(h.s.reportPage(rep, adv, checks.SymptomOTPIncorrect))
	h.tap("Copy")

	places := map[string]string{
		"the screen while the result showed": onScreen,
		"the screen after leaving":           strings.Join(h.texts(), "\n"),
		"the clipboard":                      h.app.Clipboard().Content(),
		"the report (en)":                    report.New(rep, adv, "test", checks.SymptomOTPIncorrect).Text(i18n.English),
		"the report (ja)":                    report.New(rep, adv, "test", checks.SymptomOTPIncorrect).Text(i18n.Japanese),
		"the secret entry":                   ts.entry.Text,
	}
	if p, ok := h.app.Preferences().(interface{ ReadValues(func(map[string]any)) }); ok {
		p.ReadValues(func(m map[string]any) {
			for k, v := range m {
				places["the preference "+k] = k + "=" + fmt.Sprint(v)
			}
		})
	} else {
		t.Errorf("the test app's preferences (%T) cannot be listed", h.app.Preferences())
	}
	dirs := []string{root}
	if u := h.app.Storage().RootURI(); u != nil {
		dirs = append(dirs, u.Path())
	}
	found, err := proof.Traces(forms, places, dirs...)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range found {
		t.Error(f)
	}
}
