package playbook

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

func TestDefaultParsesAndCoversEveryID(t *testing.T) {
	p, err := Parse(DefaultName, defaultData)
	if err != nil {
		t.Fatalf("the embedded playbook does not parse:\n%v", err)
	}
	var got []string
	for _, s := range p.Symptoms() {
		got = append(got, s.ID)
	}
	if strings.Join(got, ",") != strings.Join(checks.SymptomIDs(), ",") {
		t.Errorf("Symptoms() = %v, want every symptom in home-screen order %v", got, checks.SymptomIDs())
	}
	for _, id := range checks.FindingIDs() {
		if r, ok := p.Finding(id); !ok || len(r.Remedies) == 0 {
			t.Errorf("finding %s: no rule with remedies", id)
		}
	}
	for _, id := range checks.CheckIDs() {
		if _, ok := p.Check(id); !ok {
			t.Errorf("check %s: no live-list texts", id)
		}
	}
	if r, ok := p.Remedy("sync-computer-clock"); !ok || len(r.Steps) == 0 || r.Steps[0].JA == "" {
		t.Errorf("remedy sync-computer-clock: steps not decoded: %+v", r)
	}
}

func TestLoad(t *testing.T) {
	t.Run("given IT's own copy of the default file, then it loads under its path", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "playbook.toml")
		if err := os.WriteFile(path, DefaultData(), 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if p.Source != path {
			t.Errorf("Source = %q, want %q", p.Source, path)
		}
	})
	t.Run("given a missing file, then the error names it", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "nope.toml")
		_, err := Load(path)
		var te *tomlfile.Error
		if !errors.As(err, &te) || te.File != path {
			t.Fatalf("Load(missing) = %v, want a *tomlfile.Error naming %s", err, path)
		}
	})
}

// lineOf returns the 1-based line of text that first contains marker.
func lineOf(t *testing.T, text, marker string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.Contains(l, marker) {
			return i + 1
		}
	}
	t.Fatalf("marker %q not in the playbook", marker)
	return 0
}

// edit returns the default playbook with old replaced by new, failing when old is absent.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	s := string(defaultData)
	if !strings.Contains(s, old) {
		t.Fatalf("the default playbook has no %q to edit", old)
	}
	return strings.Replace(s, old, new, 1)
}

func TestBadPlaybooks(t *testing.T) {
	type bad struct {
		name   string
		text   func(t *testing.T) string
		key    string // the key the error names
		marker string // text on the line the error names; "" for no line (a missing entry)
		msg    string // a word the message holds
	}
	cases := []bad{
		{"syntax error", func(t *testing.T) string { return edit(t, "format = 1", "format = = 1") }, "", "format = = 1", ""},
		{"value of the wrong type", func(t *testing.T) string {
			return edit(t, `remedies = ["get-online"]`, `remedies = "get-online"`)
		}, "finding.offline.remedies", `remedies = "get-online"`, ""},
		{"unknown key", func(t *testing.T) string {
			return edit(t, "[symptom.session-limit]\n", "[symptom.session-limit]\ncolour = \"red\"\n")
		}, "symptom.session-limit.colour", `colour = "red"`, "unknown key"},
		{"unknown format version", func(t *testing.T) string { return edit(t, "format = 1", "format = 2") }, "format", "format = 2", "format"},
		{"missing English in an inline text", func(t *testing.T) string {
			return edit(t, `, en = "Sign-in from this IP address is not allowed" }`, " }")
		}, "symptom.ip-restricted.error.en", `error = { ja = "このIPアドレスからのサインインは許可されていません" }`, "English"},
		{"missing Japanese in a step", func(t *testing.T) string {
			return edit(t, "ja = \"[サインインの制限]を無効にします(スイッチをオフにします)。\"\n", "")
		}, "remedy.oneauth-disable-restriction.steps[2].ja", "", "Japanese"},
		{"unknown symptom", func(t *testing.T) string {
			return strings.ReplaceAll(edit(t, "[symptom.other]", "[symptom.others]"), "[[symptom.other.causes]]", "[[symptom.others.causes]]")
		}, "symptom.others", "[symptom.others]", "not a symptom id"},
		{"IT's copy of an older playbook with the old sign-in limit id", func(t *testing.T) string {
			return strings.ReplaceAll(string(defaultData), "symptom.daily-signin-limit", "symptom.signin-limit")
		}, "symptom.signin-limit", "[symptom.signin-limit]", "old symptom id, now \"daily-signin-limit\""},
		{"unknown finding", func(t *testing.T) string { return edit(t, "[finding.vpn-active]", "[finding.vpn-on]") },
			"finding.vpn-on", "[finding.vpn-on]", "not a finding id"},
		{"unknown check", func(t *testing.T) string { return edit(t, "[check.reach]", "[check.ping]") },
			"check.ping", "[check.ping]", "not a check id"},
		{"unknown remedy reference", func(t *testing.T) string {
			return edit(t, `remedies = ["disconnect-vpn"]`, `remedies = ["disconnect-the-vpn"]`)
		}, "finding.vpn-active.remedies[0]", `remedies = ["disconnect-the-vpn"]`, "not a remedy"},
		{"bad placeholder", func(t *testing.T) string {
			return edit(t, `en = "The VPN on {interface} carries your traffic."`, `en = "The VPN on {Interface} carries your traffic."`)
		}, "finding.vpn-active.message.en", "{Interface}", "placeholder"},
		{"unclosed placeholder", func(t *testing.T) string {
			return edit(t, `en = "Your address {address} is not`, `en = "Your address {address is not`)
		}, "finding.ip-not-allowed.message.en", "{address is not", "never closed"},
		{"unknown action", func(t *testing.T) string {
			return edit(t, `{ kind = "open-totp-check" }`, `{ kind = "open-calculator" }`)
		}, "remedy.check-totp-code.steps[0].actions[0].kind", `open-calculator`, "not an action"},
		{"action URL that is not a web address", func(t *testing.T) string {
			return edit(t, `url = "https://help.zoho.com" }]`, `url = "help.zoho.com" }]`)
		}, "", `url = "help.zoho.com" }]`, "URL"},
		{"a phone's step with the button that opens this computer's settings", func(t *testing.T) string {
			return edit(t, "en = \"Go to [Settings].\"\nplatform = \"ios\"", "en = \"Go to [Settings].\"\nplatform = \"ios\"\nactions = [{ kind = \"open-datetime-settings\" }]")
		}, "remedy.sync-phone-clock.steps[0].actions[0].kind", `actions = [{ kind = "open-datetime-settings" }]`, "cannot open this computer's"},
		{"unknown platform", func(t *testing.T) string {
			return edit(t, "platform = \"linux\"\n", "platform = \"plan9\"\n")
		}, "", `platform = "plan9"`, "not a platform"},
		{"a computer left without its steps", func(t *testing.T) string {
			return edit(t, "for [Web].\"\nplatform = \"linux\"", "for [Web].\"\nplatform = \"darwin\"")
		}, "remedy.set-default-browser.steps", "[remedy.set-default-browser]", "none for linux"},
		{"a check without its skipped line", func(t *testing.T) string {
			return edit(t, "skipped = { ja = \"確認しませんでした\", en = \"Not checked\" }\n\n[check.publicip]", "\n[check.publicip]")
		}, "check.connectivity.skipped.ja", "[check.connectivity]", "Japanese"},
		{"a finding left out", func(t *testing.T) string {
			s := string(defaultData)
			i := strings.Index(s, "[finding.tls-intercepted]")
			j := strings.Index(s[i:], "\n\n")
			return s[:i] + s[i+j:]
		}, "finding.tls-intercepted", "", "missing"},
		{"a situation pointing at no remedy", func(t *testing.T) string {
			return edit(t, `remedies = ["ask-admin-reset-password"]`, `remedies = ["ask-the-admin"]`)
		}, "symptom.forgot-password.situations[0].remedies[0]", `remedies = ["ask-the-admin"]`, "not a remedy"},
	}
	for _, c := range cases {
		t.Run("given "+c.name+", then the error names file, line and key", func(t *testing.T) {
			const name = "it/playbook.toml"
			text := c.text(t)
			_, err := Parse(name, []byte(text))
			var te *tomlfile.Error
			if !errors.As(err, &te) {
				t.Fatalf("Parse = %v, want a *tomlfile.Error", err)
			}
			if te.File != name {
				t.Errorf("File = %q, want %q", te.File, name)
			}
			if c.key != "" && te.Key != c.key {
				t.Errorf("Key = %q, want %q (%v)", te.Key, c.key, err)
			}
			if c.marker != "" {
				if want := lineOf(t, text, c.marker); te.Line != want {
					t.Errorf("Line = %d, want %d (%v)", te.Line, want, err)
				}
			}
			if c.msg != "" && !strings.Contains(te.Msg, c.msg) {
				t.Errorf("Msg = %q, want it to say %q", te.Msg, c.msg)
			}
			if !strings.Contains(err.Error(), name) {
				t.Errorf("the error text %q does not name the file", err)
			}
		})
	}
}
