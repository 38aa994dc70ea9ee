package playbook

import (
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
	"github.com/signin-doctor/signin-doctor/checks/checkstest/runs"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/timesync"
)

// The fixtures: results and runs as the checks and the engine make them.
var (
	report    = checkstest.Run
	finding   = checkstest.Finding
	result    = checkstest.Result
	vpnReport = runs.VPNAddressNotAllowed
)

func ptr[T any](v T) *T { return &v }

func remedyIDs(rs []RemedyView) string {
	var ids []string
	for _, r := range rs {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ",")
}

func TestAdviseVPNAndAddressNotAllowed(t *testing.T) {
	p := Default()
	a := p.Advise(vpnReport(), checks.SymptomIPRestricted, "en", "linux")

	t.Run("then what was found comes first, in plain words with the facts filled in", func(t *testing.T) {
		if len(a.Findings) != 2 {
			t.Fatalf("Findings = %+v, want the VPN and the address", a.Findings)
		}
		if got, want := a.Findings[0].Message, "The VPN on tun0 carries your traffic."; got != want {
			t.Errorf("first finding = %q, want %q", got, want)
		}
		if got, want := a.Findings[1].Message, "Your address 198.51.100.7 is not in your organization's allowed networks."; got != want {
			t.Errorf("second finding = %q, want %q", got, want)
		}
		if a.Findings[1].Severity != checks.Fail || a.Findings[1].Check != checks.Allowlist {
			t.Errorf("second finding = %+v, want a fail of the allowlist check", a.Findings[1])
		}
		if !a.Detected() || a.HasUnknown() {
			t.Errorf("Detected = %v, HasUnknown = %v, want true, false", a.Detected(), a.HasUnknown())
		}
	})
	t.Run("then the remedies are the findings', disconnecting the VPN first", func(t *testing.T) {
		if got, want := remedyIDs(a.Remedies), "disconnect-vpn,use-allowed-network,ask-admin-ip"; got != want {
			t.Errorf("Remedies = %s, want %s", got, want)
		}
		if got, want := remedyIDs(a.More), "allow-ip-personal"; got != want {
			t.Errorf("More = %s, want %s", got, want)
		}
	})
	t.Run("then the address to send the administrator is ready to copy", func(t *testing.T) {
		step := a.Remedies[2].Steps[1]
		if !strings.Contains(step.Text, "198.51.100.7") || len(step.Actions) != 1 {
			t.Fatalf("ask-admin-ip step 2 = %+v, want the address and a copy button", step)
		}
		if act := step.Actions[0]; act.Kind != ActionCopyText || act.Text != "198.51.100.7" || !act.Ready || act.Label != "Copy the IP address" {
			t.Errorf("action = %+v, want a ready copy of 198.51.100.7", act)
		}
		if !a.Remedies[2].Helpdesk || !a.Remedies[2].Steps[0].Helpdesk {
			t.Errorf("ask-admin-ip does not send the person to the helpdesk: %+v", a.Remedies[2])
		}
	})
	t.Run("when the person says it is a personal account, then the organisation's remedies go", func(t *testing.T) {
		if a.Question == nil || len(a.Question.Choices) != 2 {
			t.Fatalf("Question = %+v, want organisation or personal", a.Question)
		}
		personal := a.Choose("personal")
		if got, want := remedyIDs(personal.Remedies), "disconnect-vpn"; got != want {
			t.Errorf("personal Remedies = %s, want %s", got, want)
		}
		if got, want := remedyIDs(personal.More), "allow-ip-personal"; got != want {
			t.Errorf("personal More = %s, want %s", got, want)
		}
		org := a.Choose("organisation")
		if got, want := remedyIDs(org.Remedies), "disconnect-vpn,use-allowed-network,ask-admin-ip"; got != want || len(org.More) != 0 {
			t.Errorf("organisation Remedies = %s More = %s, want %s and nothing more", got, remedyIDs(org.More), want)
		}
		if same := a.Choose("nobody"); remedyIDs(same.Remedies) != remedyIDs(a.Remedies) || same.Situation != "" {
			t.Errorf("Choose(unknown) changed the advice: %+v", same)
		}
	})
}

func clockReport() checks.Report {
	return report(
		result(checks.Clock, checks.Fail, "clock is 95.0 s behind (±0.04 s, ntp.nict.jp)",
			&clock.Data{OffsetMS: ptr(95000.0), Server: "ntp.nict.jp", Method: clock.MethodNTP},
			finding(checks.FindingClockSkew, checks.Fail, map[string]string{"offset_seconds": "95.0", "direction": "behind", "server": "ntp.nict.jp"})),
		result(checks.TimeSync, checks.OK, "w32time syncs from time.windows.com", &timesync.Data{Enabled: ptr(true), Source: "w32time"}),
	)
}

func TestAdviseClockBehind(t *testing.T) {
	p := Default()
	for _, c := range []struct{ lang, want string }{
		{"ja", "このコンピューターの時計が 95.0 秒遅れています。"},
		{"en", "This computer's clock is 95.0 s behind."},
	} {
		a := p.Advise(clockReport(), checks.SymptomOTPIncorrect, c.lang, "windows")
		if len(a.Findings) != 1 || a.Findings[0].Message != c.want {
			t.Errorf("%s: Findings = %+v, want %q", c.lang, a.Findings, c.want)
		}
	}
	a := p.Advise(clockReport(), checks.SymptomOTPIncorrect, "en", "windows")
	if got, want := remedyIDs(a.Remedies), "sync-computer-clock,sync-phone-clock"; got != want {
		t.Fatalf("Remedies = %s, want %s", got, want)
	}
	if got, want := remedyIDs(a.More), "check-totp-code"; got != want {
		t.Errorf("More = %s, want %s", got, want)
	}
	t.Run("then the computer's steps are Windows' only, with the settings button", func(t *testing.T) {
		settings := false
		for _, st := range a.Remedies[0].Steps {
			if st.Platform != "" && st.Platform != Windows {
				t.Errorf("a %s step on Windows: %q", st.Platform, st.Text)
			}
			for _, act := range st.Actions {
				settings = settings || act.Kind == ActionOpenDateTimeSettings
			}
		}
		if !settings {
			t.Error("no open-datetime-settings action among the Windows steps")
		}
	})
	t.Run("then the phone's steps keep both iOS and Android, each labelled", func(t *testing.T) {
		seen := map[string]bool{}
		for _, st := range a.Remedies[1].Steps {
			seen[st.Platform] = true
			if st.Platform != "" && st.PlatformLabel == "" {
				t.Errorf("step %q has no platform label", st.Text)
			}
		}
		if !seen[IOS] || !seen[Android] {
			t.Errorf("phone step platforms = %v, want ios and android", seen)
		}
	})
}

func TestAdviseOnOtherSystems(t *testing.T) {
	a := Default().Advise(clockReport(), checks.SymptomOTPIncorrect, "en", "freebsd")
	seen := map[string]bool{}
	for _, st := range a.Remedies[0].Steps {
		seen[st.Platform] = true
	}
	if !seen[Windows] || !seen[Darwin] || !seen[Linux] {
		t.Errorf("on a system without its own steps, platforms shown = %v, want every computer's", seen)
	}
}

func TestAdviseNothingDetected(t *testing.T) {
	a := Default().Advise(report(), checks.SymptomSessionLimit, "ja", "darwin")
	if a.Detected() || a.HasUnknown() || a.Question != nil {
		t.Errorf("advice = %+v, want nothing detected, nothing unknown, no question", a)
	}
	if got, want := remedyIDs(a.Remedies), "delete-sessions,one-account-per-person"; got != want || len(a.More) != 0 {
		t.Errorf("Remedies = %s More = %s, want the article's %s", got, remedyIDs(a.More), want)
	}
	if a.Remedies[0].Title != "有効なセッションを削除する" {
		t.Errorf("title = %q, want it in Japanese", a.Remedies[0].Title)
	}
}

func TestAdviseUnknownChecks(t *testing.T) {
	rep := report(
		checks.Result{ID: checks.Clock, Status: checks.Unknown, Summary: "offline"},
		checks.Result{ID: checks.TimeSync, Status: checks.OK},
	)
	a := Default().Advise(rep, checks.SymptomOTPIncorrect, "ja", "linux")
	if !a.HasUnknown() || a.Detected() {
		t.Fatalf("HasUnknown = %v, Detected = %v, want an unknown check and no finding", a.HasUnknown(), a.Detected())
	}
	u := a.Unknown[0]
	if u.Check != checks.Clock || u.Title != "コンピューターの時計" || u.Reason != "offline" ||
		u.Line != "正確な時刻と比べられませんでした(オフラインなど)" {
		t.Errorf("Unknown[0] = %+v, want the clock, said calmly", u)
	}
	if got, want := remedyIDs(a.Remedies), "sync-phone-clock,sync-computer-clock,check-totp-code"; got != want {
		t.Errorf("Remedies = %s, want the symptom's own %s", got, want)
	}
}

func TestAdviseEdges(t *testing.T) {
	p := Default()
	t.Run("given no symptom, then the advice is for 'other'", func(t *testing.T) {
		if a := p.Advise(report(), "", "en", "linux"); a.Symptom != checks.SymptomOther || remedyIDs(a.Remedies) != "contact-zoho-help" {
			t.Errorf("advice = %s %s, want other / contact-zoho-help", a.Symptom, remedyIDs(a.Remedies))
		}
	})
	t.Run("given no public IP, then the copy button is not ready and the text says unknown", func(t *testing.T) {
		for _, lang := range []string{"ja", "en"} {
			a := p.Advise(report(), checks.SymptomIPRestricted, lang, "linux").Choose("organisation")
			step := a.Remedies[2].Steps[1]
			if step.Actions[0].Ready || !strings.Contains(step.Text, "("+Missing.In(lang)+")") || strings.Contains(step.Text, "?") {
				t.Errorf("step = %+v, want %q and a button that is not ready", step, Missing.In(lang))
			}
		}
	})
	t.Run("given a finding the playbook does not know, then it shows by id and the symptom's remedies follow", func(t *testing.T) {
		rep := report(checks.Result{ID: checks.Reach, Status: checks.Warn,
			Findings: []checks.Finding{finding("new-thing", checks.Warn, nil)}})
		a := p.Advise(rep, checks.SymptomOther, "en", "linux")
		if len(a.Findings) != 1 || a.Findings[0].Message != "new-thing" || len(a.Findings[0].Remedies) != 0 ||
			remedyIDs(a.Remedies) != "contact-zoho-help" {
			t.Errorf("advice = %+v %s", a.Findings, remedyIDs(a.Remedies))
		}
	})
	t.Run("given a finding without the params its message names, then they show as unknown", func(t *testing.T) {
		rep := report(checks.Result{ID: checks.VPN, Status: checks.Warn,
			Findings: []checks.Finding{finding(checks.FindingVPNActive, checks.Warn, nil)}})
		if a := p.Advise(rep, checks.SymptomIPRestricted, "en", "linux"); a.Findings[0].Message != "The VPN on unknown carries your traffic." {
			t.Errorf("message = %q", a.Findings[0].Message)
		}
		if a := p.Advise(rep, checks.SymptomIPRestricted, "ja", "linux"); a.Findings[0].Message != "通信はVPN(不明)を経由しています。" {
			t.Errorf("message = %q", a.Findings[0].Message)
		}
	})
}

func TestCheckLine(t *testing.T) {
	p := Default()
	cases := []struct {
		res  checks.Result
		lang string
		want string
	}{
		{checks.Result{ID: checks.Clock, Status: checks.Warn, Summary: "clock is 12.0 s behind"}, "ja", "時計が少しずれています"},
		{checks.Result{ID: checks.Clock, Status: checks.Warn}, "en", "The clock is a little off"},
		{checks.Result{ID: checks.Reach, Status: checks.Unknown}, "ja", "接続を確認できませんでした(問題とは限りません)"},
		{checks.Result{ID: checks.Allowlist, Status: checks.Skipped}, "en", "No allowed networks are configured"},
		{checks.Result{ID: "future-check", Status: checks.OK, Summary: "all fine"}, "ja", "all fine"},
	}
	for _, c := range cases {
		if got := p.CheckLine(c.res, c.lang); got != c.want {
			t.Errorf("CheckLine(%s %s, %s) = %q, want %q", c.res.ID, c.res.Status, c.lang, got, c.want)
		}
	}
}
