package report

import (
	"time"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// SchemaVersion is the JSON report's schema version (docs/DESIGN.md).
const SchemaVersion = 1

// Document is the report of one run: what `signin-doctor check` prints (Terminal, or its JSON)
// and what the window's report screen shows, copies, saves or mails (Text). Its JSON is
// docs/DESIGN.md's schema v1. It is redacted when made: no TOTP secret, code or password
// survives into it, whichever way it is printed.
type Document struct {
	SchemaVersion int    `json:"schema_version"`
	Version       string `json:"version"`
	StartedAt     string `json:"started_at"` // RFC 3339
	DurationMS    int64  `json:"duration_ms"`
	Symptom       string `json:"symptom"`
	// Config is the configuration file the run used ("" for the embedded defaults), so that
	// IT sees which of the places won: --config, beside the executable, the system folder or
	// the user's.
	Config   string         `json:"config"`
	Checks   []DocCheck     `json:"checks"`
	Findings []DocFinding   `json:"findings"`
	Remedies []DocRemedy    `json:"remedies"`
	words    playbook.Words // the advice's words in both languages, redacted, for Text
	platform string         // runtime.GOOS
	duration time.Duration  // for Text
}

// DocCheck is one check's result in the report.
type DocCheck struct {
	ID         string         `json:"id"`
	Status     checks.Status  `json:"status"`
	Summary    string         `json:"summary"` // the engine's English line, for IT
	DurationMS int64          `json:"duration_ms"`
	Details    map[string]any `json:"details"`
}

// DocFinding is one finding in the report.
type DocFinding struct {
	ID       string        `json:"id"`
	Check    string        `json:"check"`
	Severity checks.Status `json:"severity"`
	Message  string        `json:"message"` // in the advice's language
	Remedy   string        `json:"remedy"`  // the first remedy it leads to; "" when none
}

// DocRemedy is a remedy the advice shows.
type DocRemedy struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// New makes the report of rep with the advice made from it. version is the app's version;
// symptom the symptom id the person chose ("" when they were not sure).
func New(rep checks.Report, adv playbook.Advice, version, symptom string) Document {
	words := adv.Words()
	d := Document{
		SchemaVersion: SchemaVersion,
		Version:       version,
		StartedAt:     rep.StartedAt.Format(time.RFC3339),
		DurationMS:    rep.Duration.Milliseconds(),
		Symptom:       symptom,
		Checks:        []DocCheck{},
		Findings:      []DocFinding{},
		Remedies:      []DocRemedy{},
		// The words as the person and the helpdesk read them: check lines and finding
		// messages are made from measured values, so they are redacted like the rest.
		words: playbook.Words{Symptom: words.Symptom, System: words.System, Remedies: words.Remedies,
			Checks: make(map[string]playbook.CheckWords, len(words.Checks))},
		platform: adv.Platform,
		duration: rep.Duration,
	}
	for _, res := range rep.Results {
		d.Checks = append(d.Checks, DocCheck{ID: res.ID, Status: res.Status, Summary: redact(res.Summary),
			DurationMS: res.Duration.Milliseconds(), Details: redactDetails(res.Details)})
	}
	for id, w := range words.Checks {
		d.words.Checks[id] = playbook.CheckWords{Title: w.Title, Line: redactText(w.Line)}
	}
	for i, f := range adv.Findings {
		df := DocFinding{ID: f.ID, Check: f.Check, Severity: f.Severity, Message: redact(f.Message)}
		if len(f.Remedies) > 0 {
			df.Remedy = f.Remedies[0]
		}
		d.Findings = append(d.Findings, df)
		d.words.Findings = append(d.words.Findings, redactText(words.Findings[i]))
	}
	for _, r := range adv.Remedies {
		d.Remedies = append(d.Remedies, DocRemedy{ID: r.ID, Title: r.Title})
	}
	return d
}

// redactText redacts both languages of t.
func redactText(t playbook.Text) playbook.Text {
	return playbook.Text{JA: redact(t.JA), EN: redact(t.EN)}
}

// redactDetails turns a check's details into plain JSON values (checks.DetailsOf: maps,
// lists, strings, numbers) and redacts them, so that a struct put there by hand (the engine's
// additions, a test's) is redacted too.
func redactDetails(details map[string]any) map[string]any {
	return redactValue(checks.DetailsOf(details)).(map[string]any)
}
