package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"

	"golang.org/x/term"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
)

// matchOptions are the flags and text of `signin-doctor match`.
type matchOptions struct {
	json   bool
	config string
	text   string // the arguments joined by spaces; "" reads standard input
}

// parseMatchFlags parses the flags of `match`; an error is bad usage (exit 2).
func parseMatchFlags(args []string, stderr io.Writer) (matchOptions, error) {
	var o matchOptions
	fs := flag.NewFlagSet("match", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	fs.BoolVar(&o.json, "json", false, "print the matches as JSON (schema v1)")
	fs.StringVar(&o.config, "config", "", "read the configuration (and the playbook it names) from `FILE`")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	o.text = strings.Join(fs.Args(), " ")
	return o, nil
}

// matchCommand runs `signin-doctor match`: the symptoms a pasted message points to, by the
// matcher the window's paste box uses, with the same playbook and hidden symptoms.
func matchCommand(ctx context.Context, args []string, s streams) int {
	o, err := parseMatchFlags(args, s.Err)
	if err == flag.ErrHelp {
		return exitClean
	}
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor match: %v\n\n%s", err, usage)
		return exitUsage
	}
	cfg, book, ok := configured(o.config, "", s)
	if !ok {
		return exitUsage
	}
	text := o.text
	if text == "" {
		if text, err = readPastedInput(ctx, s); err != nil {
			fmt.Fprintf(s.Err, "signin-doctor match: %v\n", err)
			return exitUsage
		}
	}
	if strings.TrimSpace(text) == "" {
		fmt.Fprintf(s.Err, "signin-doctor match: no text to match: give the message as arguments or on standard input\n\n%s", usage)
		return exitUsage
	}
	var matches []playbook.SymptomMatch
	for _, m := range book.Match(text) {
		if !slices.Contains(cfg.Playbook.Hidden, m.ID) {
			matches = append(matches, m)
		}
	}
	write := writeMatchText
	if o.json {
		write = writeMatchJSON
	}
	if err := write(s.Out, matches); err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: %v\n", err)
		return exitUsage
	}
	if len(matches) == 0 {
		if !o.json {
			fmt.Fprintln(s.Err, "signin-doctor match: no symptom matches the text")
		}
		return exitFindings
	}
	return exitClean
}

// matchJSON is one match in `match --json`.
type matchJSON struct {
	Symptom string  `json:"symptom"`
	Score   float64 `json:"score"`
	Phrase  string  `json:"phrase"`
}

func writeMatchJSON(w io.Writer, matches []playbook.SymptomMatch) error {
	doc := struct {
		SchemaVersion int         `json:"schema_version"`
		Matches       []matchJSON `json:"matches"`
	}{SchemaVersion: 1, Matches: []matchJSON{}}
	for _, m := range matches {
		doc.Matches = append(doc.Matches, matchJSON{Symptom: m.ID, Score: roundScore(m.Score), Phrase: m.Phrase})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// writeMatchText prints one line per match, best first: the symptom id, the score and the
// phrase that matched.
func writeMatchText(w io.Writer, matches []playbook.SymptomMatch) error {
	width := 0
	for _, m := range matches {
		width = max(width, len(m.ID))
	}
	for _, m := range matches {
		if _, err := fmt.Fprintf(w, "%-*s  %.2f  %s\n", width, m.ID, roundScore(m.Score), m.Phrase); err != nil {
			return err
		}
	}
	return nil
}

func roundScore(s float64) float64 { return math.Round(s*100) / 100 }

// readPastedInput reads the message from standard input, as much as the matcher reads of a
// paste (playbook.MaxPaste). It gives up when ctx ends (Ctrl-C).
func readPastedInput(ctx context.Context, s streams) (string, error) {
	if f, ok := s.In.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprintln(s.Err, "Paste the message, then press Ctrl-D (on Windows: Ctrl-Z, then Enter):")
	}
	type read struct {
		text string
		err  error
	}
	done := make(chan read, 1)
	go func() {
		b, err := io.ReadAll(io.LimitReader(s.In, playbook.MaxPaste))
		done <- read{string(b), err}
	}()
	select {
	case r := <-done:
		if r.err != nil {
			return "", fmt.Errorf("reading the message from standard input: %w", r.err)
		}
		return r.text, nil
	case <-ctx.Done():
		return "", errors.New("interrupted before the message was read")
	}
}
