package ui

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/signin-doctor/signin-doctor/checks/proof"
)

// TestTOTPSecretLeavesNoTrace goes through the one-time-code screen as a person does — types
// a fresh secret, compares the phone's code, copies the report for the helpdesk, leaves — with
// HOME, the XDG folders and the temp folder pointing at a new directory; then looks for the
// secret, in every form it could take, in every file written there and in the app's storage,
// in the preferences, on the clipboard, in the report and on screen.
func TestTOTPSecretLeavesNoTrace(t *testing.T) {
	root := freshHome(t)
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

	places := copyReport(h)
	places["the screen while the result showed"], places["the secret entry"] = onScreen, ts.entry.Text
	for _, f := range windowTraces(t, h, forms, places, root) {
		t.Error(f)
	}
}
