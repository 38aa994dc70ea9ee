package ui

import (
	"encoding/base32"
	"fmt"
	"net/url"
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

// TestCalibrationKeyLeavesNoTrace goes through the clock check as a person does — scans the
// key, types the codes, leaves, copies the report for the helpdesk — with HOME, the XDG folders
// and the temp folder pointing at a new directory; then looks for the calibration key, in every
// form it could take, in every file written there and in the app's storage, in the
// preferences, on the clipboard, in the report and on screen after leaving. (While the screen
// is open it shows the key, as a QR code and a setup key: it is there to be scanned.)
func TestCalibrationKeyLeavesNoTrace(t *testing.T) {
	root := freshHome(t)
	h, cs := openCalibrate(t, i18n.English, 0, true)
	uri := cs.cal.URI()
	u, _ := url.Parse(uri)
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(u.Query().Get("secret"))
	if err != nil {
		t.Fatal(err)
	}
	forms := proof.SecretForms(key, map[string]string{"otpauth URI": uri, "setup key": cs.cal.SetupKey()})
	typeFromPhone(t, h, cs, 0)
	if !h.sees("both keep true time") {
		t.Fatalf("the codes were not placed:\n%s", h.screen())
	}
	h.key(fyne.KeyEscape)

	places := copyReport(h)
	places["the code entry"], places["the setup key's label"] = cs.code.Text, cs.key.Text
	for _, f := range windowTraces(t, h, forms, places, root) {
		t.Error(f)
	}
}

// copyReport opens the report for the helpdesk and copies it, as a person does after a check,
// and returns what the window shows and holds, by where: the screen before and after, the
// clipboard and the report in both languages.
func copyReport(h *harness) map[string]string {
	h.t.Helper()
	onScreen := strings.Join(h.texts(), "\n")
	rep := checks.Report{Results: []checks.Result{{ID: checks.Clock, Status: checks.OK, Summary: "clock is 0.01 s behind", Details: map[string]any{"offset_ms": 10.0}}}}
	adv := h.s.deps.Playbook.Advise(rep, checks.SymptomOTPIncorrect, i18n.English, "linux")
	h.s.push(h.s.reportPage(rep, adv, checks.SymptomOTPIncorrect))
	h.tap("Copy")
	return map[string]string{
		"the screen after leaving": onScreen,
		"the report's screen":      strings.Join(h.texts(), "\n"),
		"the clipboard":            h.app.Clipboard().Content(),
		"the report (en)":          report.New(rep, adv, "test", checks.SymptomOTPIncorrect).Text(i18n.English),
		"the report (ja)":          report.New(rep, adv, "test", checks.SymptomOTPIncorrect).Text(i18n.Japanese),
	}
}

// freshHome points HOME, the XDG folders and the temp folder at folders of a new directory,
// and returns it.
func freshHome(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for _, v := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "TMPDIR"} {
		dir := filepath.Join(root, strings.ToLower(v))
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		t.Setenv(v, dir)
	}
	return root
}

// windowTraces returns where a form of a secret appears: in places (named by where they were
// seen), in the app's preferences, and in every file under root and the app's storage.
func windowTraces(t *testing.T, h *harness, forms, places map[string]string, root string) []string {
	t.Helper()
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
	return found
}
