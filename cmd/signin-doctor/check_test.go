package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// TestCheckJSONSchema runs the checks that work without a network (the browsers of this
// computer; the VPN from its routing table) and decodes the report as a script would, field by
// field against docs/DESIGN.md's schema v1.
func TestCheckJSONSchema(t *testing.T) {
	cfg := writeFile(t, "signin-doctor.toml", "language = \"en\"\n")
	code, stdout, stderr := runCLI(t, "check", "--json", "--config", cfg, "--only", "browsers,vpn", "--symptom", "disallowed-useragent")
	if code != exitClean && code != exitFindings {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var doc struct {
		SchemaVersion *int    `json:"schema_version"`
		Version       *string `json:"version"`
		StartedAt     *string `json:"started_at"`
		DurationMS    *int64  `json:"duration_ms"`
		Symptom       *string `json:"symptom"`
		Config        *string `json:"config"`
		Checks        []struct {
			ID         *string         `json:"id"`
			Status     *string         `json:"status"`
			Summary    *string         `json:"summary"`
			DurationMS *int64          `json:"duration_ms"`
			Details    map[string]any  `json:"details"`
			Extra      json.RawMessage `json:"findings"` // findings live at the top level, not here
		} `json:"checks"`
		Findings []struct {
			ID, Check, Severity, Message, Remedy *string
		} `json:"findings"`
		Remedies []struct{ ID, Title *string } `json:"remedies"`
	}
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, stdout)
	}
	if doc.SchemaVersion == nil || *doc.SchemaVersion != 1 {
		t.Errorf("schema_version = %v, want 1", doc.SchemaVersion)
	}
	if doc.Version == nil || *doc.Version != version {
		t.Errorf("version = %v, want %q", doc.Version, version)
	}
	if doc.StartedAt == nil {
		t.Fatal("no started_at")
	}
	if _, err := time.Parse(time.RFC3339, *doc.StartedAt); err != nil {
		t.Errorf("started_at %q is not RFC 3339: %v", *doc.StartedAt, err)
	}
	if doc.DurationMS == nil || *doc.DurationMS < 0 {
		t.Errorf("duration_ms = %v", doc.DurationMS)
	}
	if doc.Symptom == nil || *doc.Symptom != "disallowed-useragent" {
		t.Errorf("symptom = %v", doc.Symptom)
	}
	if doc.Config == nil || *doc.Config != cfg {
		t.Errorf("config = %v, want the file given, %s", doc.Config, cfg)
	}
	var ids []string
	for _, c := range doc.Checks {
		if c.ID == nil || c.Status == nil || c.Summary == nil || c.DurationMS == nil || c.Details == nil {
			t.Errorf("check lacks a field of the schema: %+v", c)
			continue
		}
		ids = append(ids, *c.ID)
		switch *c.Status {
		case "ok", "warn", "fail", "unknown", "skipped":
		default:
			t.Errorf("check %s: status %q", *c.ID, *c.Status)
		}
		if c.Extra != nil {
			t.Errorf("check %s carries findings inside it", *c.ID)
		}
	}
	if strings.Join(ids, ",") != "vpn,browsers" {
		t.Errorf("checks %v, want vpn and browsers in report order", ids)
	}
	for _, f := range doc.Findings {
		if f.ID == nil || f.Check == nil || f.Severity == nil || f.Message == nil || f.Remedy == nil {
			t.Errorf("finding lacks a field of the schema: %+v", f)
		}
	}
	for _, r := range doc.Remedies {
		if r.ID == nil || r.Title == nil || *r.Title == "" {
			t.Errorf("remedy lacks a field of the schema: %+v", r)
		}
	}
	wantCode := exitClean
	if len(doc.Findings) > 0 {
		wantCode = exitFindings
	}
	if code != wantCode {
		t.Errorf("exit %d with %d findings, want %d", code, len(doc.Findings), wantCode)
	}
	if dec.More() {
		t.Error("stdout holds more than the JSON document")
	}
}

// TestCheckTextMarksEachCheck: the human output has one line per check with its mark.
func TestCheckTextMarksEachCheck(t *testing.T) {
	cfg := writeFile(t, "signin-doctor.toml", "language = \"en\"\n[checks]\ndisabled = [\"vpn\"]\n")
	code, stdout, stderr := runCLI(t, "check", "--config", cfg, "--only", "browsers,vpn")
	if code == exitUsage {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	lines := strings.Split(stdout, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "[-] VPN") {
		t.Errorf("first line %q, want the disabled VPN check marked skipped", lines[0])
	}
	if !strings.Contains(lines[1], "Browsers") || !strings.ContainsAny(lines[1][:5], "✓!✗?") {
		t.Errorf("second line %q, want the browsers check with its mark", lines[1])
	}
}
