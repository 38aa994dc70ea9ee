package playbook

import (
	_ "embed"
	"fmt"
	"os"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// FormatVersion is the playbook format this package reads (the file's `format` key).
const FormatVersion = 1

//go:embed default.toml
var defaultData []byte

// DefaultName is how errors and reports name the embedded playbook.
const DefaultName = "embedded playbook (assets/playbook/default.toml)"

// Playbook is a parsed and validated playbook. It is read-only once made, so one value may
// serve every goroutine.
type Playbook struct {
	Source    string // the file it was read from, or DefaultName
	symptoms  map[string]*Symptom
	remedies  map[string]*Remedy
	findings  map[string]*FindingRule
	checks    map[string]*CheckText
	platforms map[string]Text
	actions   map[string]Text
	weights   map[string]float64 // of the phrases' words, for Match
	labels    []phrase           // every symptom's labels, longest first, for Match
	service   Service            // the data centre the links name; zero: DefaultService
}

// file is the TOML document's top level.
type file struct {
	Format    int                     `toml:"format"`
	Platforms map[string]Text         `toml:"platform"`
	Actions   map[string]Text         `toml:"action"`
	Symptoms  map[string]*Symptom     `toml:"symptom"`
	Remedies  map[string]*Remedy      `toml:"remedy"`
	Findings  map[string]*FindingRule `toml:"finding"`
	Checks    map[string]*CheckText   `toml:"check"`
}

// Default returns the embedded playbook, parsed on each call. Its tests guarantee that it
// parses, so a failure here is a build that skipped them: it panics.
func Default() *Playbook {
	p, err := Parse(DefaultName, defaultData)
	if err != nil {
		panic(fmt.Sprintf("the embedded playbook is invalid: %v", err))
	}
	return p
}

// DefaultData returns a copy of the embedded playbook's text, for IT to start their own from.
func DefaultData() []byte {
	return append([]byte(nil), defaultData...)
}

// Load reads and validates the playbook file at path.
func Load(path string) (*Playbook, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &tomlfile.Error{File: path, Msg: fmt.Sprintf("cannot read the playbook: %v", err)}
	}
	return Parse(path, data)
}

// Parse decodes and validates data, the contents of the file name. Its errors are
// *tomlfile.Error values naming the file, the line and the key (several, joined, when the
// file has several problems; errors.As finds the first by line).
func Parse(name string, data []byte) (*Playbook, error) {
	var f file
	loc, err := tomlfile.Decode(name, data, &f)
	if err != nil {
		return nil, err
	}
	if err := validate(name, data, loc, &f); err != nil {
		return nil, err
	}
	p := &Playbook{
		Source:    name,
		symptoms:  f.Symptoms,
		remedies:  f.Remedies,
		findings:  f.Findings,
		checks:    f.Checks,
		platforms: f.Platforms,
		actions:   f.Actions,
	}
	for id, s := range p.symptoms {
		s.ID = id
	}
	p.prepareMatch()
	for id, r := range p.remedies {
		r.ID = id
	}
	for id, r := range p.findings {
		r.ID = id
	}
	for id, c := range p.checks {
		c.ID = id
	}
	return p, nil
}

// Symptom returns the symptom with id.
func (p *Playbook) Symptom(id string) (Symptom, bool) {
	s, ok := p.symptoms[id]
	if !ok {
		return Symptom{}, false
	}
	return *s, true
}

// Symptoms returns every symptom in the order the home screen shows them.
func (p *Playbook) Symptoms() []Symptom {
	out := make([]Symptom, 0, len(p.symptoms))
	for _, id := range checks.SymptomIDs() {
		if s, ok := p.symptoms[id]; ok {
			out = append(out, *s)
		}
	}
	return out
}

// Remedy returns the remedy with id.
func (p *Playbook) Remedy(id string) (Remedy, bool) {
	r, ok := p.remedies[id]
	if !ok {
		return Remedy{}, false
	}
	return *r, true
}

// Finding returns the rule for finding id.
func (p *Playbook) Finding(id string) (FindingRule, bool) {
	r, ok := p.findings[id]
	if !ok {
		return FindingRule{}, false
	}
	return *r, true
}

// Check returns the live list's texts for check id.
func (p *Playbook) Check(id string) (CheckText, bool) {
	c, ok := p.checks[id]
	if !ok {
		return CheckText{}, false
	}
	return *c, true
}

// CheckTitle returns the name of check id in lang, for the live list; the id itself when the
// playbook does not know the check.
func (p *Playbook) CheckTitle(id, lang string) string {
	if c, ok := p.checks[id]; ok {
		return c.Title.In(lang)
	}
	return id
}

// PlatformLabel returns the words for a step's platform in lang ("iPhone (iOS)").
func (p *Playbook) PlatformLabel(platform, lang string) string {
	if t, ok := p.platforms[platform]; ok {
		return t.In(lang)
	}
	return platform
}

// ActionLabel returns the default button label for an action kind in lang.
func (p *Playbook) ActionLabel(kind, lang string) string {
	if t, ok := p.actions[kind]; ok {
		return t.In(lang)
	}
	return kind
}
