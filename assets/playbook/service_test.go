package playbook

import (
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// A person whose account is on zoho.jp must be sent to accounts.zoho.jp, in the steps' words
// and behind their buttons; zoho.com's hosts are the default, as the article has them.
func TestRemediesFollowTheDataCentre(t *testing.T) {
	jp := Service{Accounts: "accounts.zoho.jp", IMAP: "imap.zoho.jp", SMTP: "smtp.zoho.jp"}
	tests := []struct {
		name    string
		book    *Playbook
		want    string
		notWant string
	}{
		{"given no data centre then zoho.com's", Default(), "accounts.zoho.com", "accounts.zoho.jp"},
		{"given zoho.jp then its hosts everywhere", Default().ForService(jp), "accounts.zoho.jp", "accounts.zoho.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, lang := range []string{"ja", "en"} {
				a := tt.book.Advise(report(), checks.SymptomSessionLimit, lang, "windows")
				var texts, urls []string
				for _, r := range append(a.Remedies, a.More...) {
					for _, st := range r.Steps {
						texts = append(texts, st.Text)
						for _, ac := range st.Actions {
							urls = append(urls, ac.URL)
						}
					}
				}
				all := strings.Join(append(texts, urls...), "\n")
				if !strings.Contains(strings.Join(texts, "\n"), tt.want) || !strings.Contains(strings.Join(urls, "\n"), "https://"+tt.want) {
					t.Errorf("%s: the steps and buttons do not name %s:\n%s", lang, tt.want, all)
				}
				if strings.Contains(all, tt.notWant) || strings.Contains(all, "{accounts}") {
					t.Errorf("%s: the steps or buttons name %s or an unfilled placeholder:\n%s", lang, tt.notWant, all)
				}
			}
		})
	}
}

func TestAURLMayNameOnlyTheDataCentre(t *testing.T) {
	for _, tt := range []struct{ url, says string }{
		{"https://{public_ip}/", "{public_ip} cannot be in a URL"},
		{"{accounts}/signin", "needs an http(s) URL"},
	} {
		var v validator
		v.action(nil, "remedy.x.steps[0].actions[0]", Action{Kind: ActionOpenURL, URL: tt.url})
		if len(v.errs) == 0 || !strings.Contains(v.errs[0].Error(), tt.says) {
			t.Errorf("%q: errors %v, want one saying %q", tt.url, v.errs, tt.says)
		}
	}
}
