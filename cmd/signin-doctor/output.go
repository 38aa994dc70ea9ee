package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/signin-doctor/signin-doctor/checks"
)

// writeText prints one line per check in the style of a doctor tool.
func writeText(w io.Writer, rep checks.Report) {
	for _, r := range rep.Results {
		fmt.Fprintf(w, "[%s] %-12s %s\n", r.Status.Mark(), r.ID, r.Summary)
	}
}

// writeJSON prints the report as JSON.
func writeJSON(w io.Writer, rep checks.Report, symptom string) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(map[string]any{"schema_version": 1, "version": version, "symptom": symptom, "checks": rep.Results})
}
