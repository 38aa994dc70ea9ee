package main

import (
	"encoding/json"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// TestOldSymptomIDStillWorks runs `check --symptom signin-limit` as IT's scripts written for
// the version with one sign-in-limit symptom do: it is accepted and the report names the
// symptom the old id now means (docs/DESIGN.md).
func TestOldSymptomIDStillWorks(t *testing.T) {
	cfg := writeFile(t, "signin-doctor.toml", "language = \"en\"\n")
	code, stdout, stderr := runCLI(t, "check", "--json", "--config", cfg, "--only", "vpn", "--symptom", "signin-limit")
	if code != exitClean && code != exitFindings {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		Symptom  string `json:"symptom"`
		Remedies []struct {
			ID string `json:"id"`
		} `json:"remedies"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	if doc.Symptom != checks.SymptomDailySigninLimit {
		t.Errorf("symptom = %q, want %q", doc.Symptom, checks.SymptomDailySigninLimit)
	}
	if len(doc.Remedies) == 0 || doc.Remedies[0].ID != "wait-for-next-day" {
		t.Errorf("remedies = %+v, want the daily limit's, wait-for-next-day first", doc.Remedies)
	}
}
