package report

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// secretDetail is a value a check might carry by mistake: an error quoting a URI, a struct.
type secretDetail struct {
	URI  string `json:"uri"`
	Note string `json:"note"`
}

func TestReportNeverHoldsASecret(t *testing.T) {
	secrets := []string{"JBSWY3DPEHPK3PXP", "hunter2-Pa55", "123456", "87654321", "s3cr3tValue", "987654"}
	rep := runOf(checks.Result{ID: checks.Reach, Status: checks.Fail,
		Summary: "login failed: password=hunter2-Pa55",
		Details: map[string]any{
			"error":    "otpauth://totp/Zoho:me@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Zoho",
			"password": "s3cr3tValue",
			"attempts": []any{"the code is 123456", "コード: 87654321", map[string]any{"otp": "987654"}},
			"struct":   secretDetail{URI: "https://x.example/cb?code=987654", Note: "secret: JBSWY3DPEHPK3PXP"},
			"server":   "imap.zoho.com:993",
			"offset":   95200,
			"address":  "198.51.100.7",
			"ok_text":  "clock is 95.2 s behind (±0.04 s, ntp.nict.jp)",
		}})
	adv := playbook.Default().Advise(rep, checks.SymptomMailClient, "en", "linux")
	doc := New(rep, adv, "1.0.0", checks.SymptomMailClient)
	data, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var terminalEN, terminalJA strings.Builder
	if err := doc.Terminal(&terminalEN, "en"); err != nil {
		t.Fatal(err)
	}
	if err := doc.Terminal(&terminalJA, "ja"); err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{"JSON": string(data), "text en": doc.Text("en"), "text ja": doc.Text("ja"),
		"terminal en": terminalEN.String(), "terminal ja": terminalJA.String()}
	for name, out := range outputs {
		for _, s := range secrets {
			if strings.Contains(out, s) {
				t.Errorf("the %s report holds %q:\n%s", name, s, out)
			}
		}
	}
	for _, keep := range []string{"imap.zoho.com:993", "198.51.100.7", "95200", "clock is 95.2 s behind (±0.04 s, ntp.nict.jp)", Redacted} {
		if !strings.Contains(string(data), keep) {
			t.Errorf("the JSON report lost %q, which is no secret:\n%s", keep, data)
		}
	}
}

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"otpauth://totp/A?secret=ABC&digits=6":  "otpauth://" + Redacted,
		"password: correct horse":               "password: " + Redacted + " horse",
		"PIN=4321":                              "PIN=" + Redacted,
		"your verification code is 246810":      "your verification code is " + Redacted,
		"パスワード：ひみつ":                             "パスワード：" + Redacted,
		"seed JBSWY3DPEHPK3PXPJBSW here":        "seed " + Redacted + " here",
		"HTTP status code 403 from 203.0.113.9": "HTTP status code 403 from 203.0.113.9",
		"the password is hunter2":               "the password is " + Redacted,
		"the password is rejected as incorrect": "the password is rejected as incorrect",
		"ABCDEFGHIJKLMNOPQRSTUVWXYZ":            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
		"offset_ms 1234567 from ntp.nict.jp":    "offset_ms 1234567 from ntp.nict.jp",
	}
	for in, want := range cases {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
