package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Terminal prints the report as `signin-doctor check` shows it in a terminal, in the style of
// a doctor tool: one line per check with its mark and what it found, each finding under its
// check, then what to do, in lang. It is the same redacted document as Text and the JSON.
func (d Document) Terminal(w io.Writer, lang string) error {
	width := 0
	for _, c := range d.Checks {
		title, _ := d.checkWords(c, lang)
		width = max(width, len([]rune(title)))
	}
	var b strings.Builder
	for _, c := range d.Checks {
		title, say := d.checkWords(c, lang)
		fmt.Fprintf(&b, "[%s] %s%s  %s\n", c.Status.Mark(), title, strings.Repeat(" ", width-len([]rune(title))), say)
		for i, f := range d.Findings {
			if f.Check == c.ID {
				fmt.Fprintf(&b, "    • %s\n", d.words.Findings[i].In(lang))
			}
		}
	}
	if len(d.Checks) > 0 {
		b.WriteString("\n")
	}
	if len(d.Remedies) > 0 {
		b.WriteString(heading("todo", lang) + "\n")
		for i := range d.Remedies {
			fmt.Fprintf(&b, "  %d. %s\n", i+1, d.words.Remedies[i].In(lang))
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing the report: %w", err)
	}
	return nil
}

// WriteJSON prints the report as docs/DESIGN.md's JSON schema v1, indented.
func (d Document) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return fmt.Errorf("writing the JSON report: %w", err)
	}
	return nil
}
