package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// writeText prints the report in the style of a doctor tool: one line per check with its mark
// and what it found, then what to do.
func writeText(w io.Writer, rep checks.Report, adv playbook.Advice, book *playbook.Playbook) {
	width := 0
	for _, r := range rep.Results {
		width = max(width, len([]rune(book.CheckTitle(r.ID, adv.Lang))))
	}
	for _, r := range rep.Results {
		title := book.CheckTitle(r.ID, adv.Lang)
		pad := strings.Repeat(" ", width-len([]rune(title)))
		fmt.Fprintf(w, "[%s] %s%s  %s\n", r.Status.Mark(), title, pad, book.CheckLine(r, adv.Lang))
		for _, f := range adv.Findings {
			if f.Check == r.ID {
				fmt.Fprintf(w, "    • %s\n", f.Message)
			}
		}
	}
	if len(rep.Results) > 0 {
		fmt.Fprintln(w)
	}
	heading := map[bool]string{true: "What to do:", false: "次の手順をお試しください:"}[adv.Lang != "ja"]
	if len(adv.Remedies) > 0 {
		fmt.Fprintln(w, heading)
		for i, r := range adv.Remedies {
			fmt.Fprintf(w, "  %d. %s\n", i+1, r.Title)
		}
	}
}

// writeJSON prints the report as docs/DESIGN.md's JSON schema v1.
func writeJSON(w io.Writer, doc playbook.Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("writing the JSON report: %w", err)
	}
	return nil
}
