package report

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

func keysOf(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func TestDocumentJSON(t *testing.T) {
	rep := vpnReport()
	adv := playbook.Default().Advise(rep, checks.SymptomIPRestricted, "en", "linux")
	data, err := json.Marshal(New(rep, adv, "1.2.3", checks.SymptomIPRestricted))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(keysOf(doc), ","), "checks,config,duration_ms,findings,remedies,schema_version,started_at,symptom,version"; got != want {
		t.Errorf("top-level keys = %s, want docs/DESIGN.md's %s", got, want)
	}
	if doc["schema_version"] != 1.0 || doc["version"] != "1.2.3" || doc["symptom"] != "ip-restricted" || doc["duration_ms"] != 1200.0 {
		t.Errorf("header = %v %v %v %v", doc["schema_version"], doc["version"], doc["symptom"], doc["duration_ms"])
	}
	if at, err := time.Parse(time.RFC3339, doc["started_at"].(string)); err != nil || !at.Equal(rep.StartedAt) {
		t.Errorf("started_at = %v (%v), want %v in RFC 3339", doc["started_at"], err, rep.StartedAt)
	}
	cs := doc["checks"].([]any)
	if len(cs) != 3 {
		t.Fatalf("checks = %v", cs)
	}
	vpn := cs[1].(map[string]any)
	if got, want := strings.Join(keysOf(vpn), ","), "details,duration_ms,id,status,summary"; got != want {
		t.Errorf("check keys = %s, want %s", got, want)
	}
	if vpn["id"] != "vpn" || vpn["status"] != "warn" || vpn["details"].(map[string]any)["default_route_interface"] != "tun0" {
		t.Errorf("vpn check = %v", vpn)
	}
	fs := doc["findings"].([]any)
	if len(fs) != 2 {
		t.Fatalf("findings = %v", fs)
	}
	f := fs[1].(map[string]any)
	if got, want := strings.Join(keysOf(f), ","), "check,id,message,remedy,severity"; got != want {
		t.Errorf("finding keys = %s, want %s", got, want)
	}
	if f["id"] != "ip-not-allowed" || f["check"] != "allowlist" || f["severity"] != "fail" || f["remedy"] != "use-allowed-network" ||
		!strings.Contains(f["message"].(string), "198.51.100.7") {
		t.Errorf("finding = %v", f)
	}
	rs := doc["remedies"].([]any)
	r := rs[0].(map[string]any)
	if len(rs) != 3 || r["id"] != "disconnect-vpn" || r["title"] != "Disconnect the VPN, then sign in" || len(r) != 2 {
		t.Errorf("remedies = %v", rs)
	}
}

func TestDocumentJSONOfAnEmptyRunHasEmptyLists(t *testing.T) {
	rep := runOf()
	data, err := json.Marshal(New(rep, playbook.Default().Advise(rep, "", "en", "linux"), "dev", ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"checks":[]`, `"findings":[]`, `"symptom":""`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON %s lacks %s", data, want)
		}
	}
}

func TestDocumentText(t *testing.T) {
	rep := runOf(
		checks.Result{ID: checks.Clock, Status: checks.Fail, Summary: "clock is 95.0 s behind (±0.04 s, ntp.nict.jp)",
			Findings: []checks.Finding{finding(checks.FindingClockSkew, checks.Fail, map[string]string{"offset_seconds": "95.0", "direction": "behind"})}},
		checks.Result{ID: checks.TimeSync, Status: checks.Warn},
		checks.Result{ID: checks.Connectivity, Status: checks.OK},
		checks.Result{ID: checks.Reach, Status: checks.Unknown, Summary: "offline"},
		checks.Result{ID: checks.Allowlist, Status: checks.Skipped},
	)
	for _, c := range []struct {
		lang string
		want []string
	}{
		{"en", []string{"Sign-in Doctor report", "Symptom: The one-time password is rejected as incorrect (otp-incorrect)",
			"App version: 2.0.1", "Operating system: Linux (linux)", " ✗ Computer clock: The clock is far off",
			"clock is 95.0 s behind (±0.04 s, ntp.nict.jp)", " ! Automatic time setting", " ✓ Internet connection",
			" ? Connection to Zoho", " - Organization's allowed networks", "✗ This computer's clock is 95.0 s behind.  [clock-skew]",
			"1. Set this computer's clock to automatic and sync it  [sync-computer-clock]"}},
		{"ja", []string{"サインイン診断 レポート", "症状: ワンタイムパスワードが正しくないと表示される", "アプリのバージョン: 2.0.1",
			" ✗ コンピューターの時計: 時計が大きくずれています", "このコンピューターの時計が 95.0 秒遅れています。", "対処"}},
	} {
		adv := playbook.Default().Advise(rep, checks.SymptomOTPIncorrect, "en", "linux")
		text := New(rep, adv, "2.0.1", checks.SymptomOTPIncorrect).Text(c.lang)
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s report lacks %q:\n%s", c.lang, w, text)
			}
		}
	}
}
