package playbook

import (
	"errors"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

func TestCutLabel(t *testing.T) {
	cases := []struct {
		name, text, label, want string
		found                   bool
	}{
		{"the label alone", "sign in with google", "signinwithgoogle", "", true},
		{"the label among other words", "error 403 sign in with google next", "signinwithgoogle", "error 403 next", true},
		{"written without its spaces", "forgotpassword next", "forgotpassword", "next", true},
		{"Japanese with a space before the Latin word", "google でサインインする 承認エラー", "googleでサインインする", "承認エラー", true},
		{"twice", "forgot password sign in forgot password", "forgotpassword", "sign in", true},
		{"not inside a longer word", "unforgot passwords", "forgotpassword", "unforgot passwords", false},
		{"Japanese touching a Latin label", "次へforgot password", "forgotpassword", "次へ", true},
		{"absent", "incorrect otp", "forgotpassword", "incorrect otp", false},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			got, found := cutLabel(c.text, c.label)
			if got != c.want || found != c.found {
				t.Errorf("cutLabel(%q, %q) = %q, %v; want %q, %v", c.text, c.label, got, found, c.want, c.found)
			}
		})
	}
}

func TestLabelsCountOnlyAlone(t *testing.T) {
	p := Default()
	for _, pasted := range []string{"Sign in with Google", "Sign in with Google button", "「Googleでサインインする」"} {
		if got := p.Match(pasted); len(got) != 1 || got[0].ID != checks.SymptomIdPEmailChanged {
			t.Errorf("Match(%q) = %+v, want %s alone", pasted, got, checks.SymptomIdPEmailChanged)
		}
	}
	for _, pasted := range []string{
		"Sign in with Google and then a message nobody knows appears",
		"Sign in with Google\nError 403: disallowed_useragent",
	} {
		for _, m := range p.Match(pasted) {
			if m.ID == checks.SymptomIdPEmailChanged {
				t.Errorf("Match(%q) = %+v: the button counted beside other text", pasted, p.Match(pasted))
			}
		}
	}
}

func TestBadLabels(t *testing.T) {
	cases := []struct {
		name, old, new, key, msg string
	}{
		{"an empty label", `labels.en = ["Forgot Password?"]`, `labels.en = ["Forgot Password?", " "]`,
			"symptom.forgot-password.labels.en[1]", "an empty label matches nothing"},
		{"a label of punctuation only", `labels.en = ["Forgot Password?"]`, `labels.en = ["Forgot Password?", "???"]`,
			"symptom.forgot-password.labels.en[1]", "a label needs letters or digits"},
		{"labels in one language only", "labels.en = [\"Forgot Password?\"]\n", "",
			"symptom.forgot-password.labels.en", "labels are given in both ja and en"},
	}
	for _, c := range cases {
		t.Run(strings.ReplaceAll(c.name, " ", "_"), func(t *testing.T) {
			_, err := Parse("it/playbook.toml", []byte(edit(t, c.old, c.new)))
			var te *tomlfile.Error
			if !errors.As(err, &te) {
				t.Fatalf("Parse = %v, want a *tomlfile.Error", err)
			}
			if !strings.Contains(err.Error(), c.key) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("Parse = %v, want %s: %s", err, c.key, c.msg)
			}
		})
	}
}
