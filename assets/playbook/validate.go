package playbook

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// maxErrors bounds how many problems one Parse reports: enough to fix a file in one go,
// not a wall of text.
const maxErrors = 20

// validator collects every problem of a decoded playbook with its line.
type validator struct {
	name string
	at   locator
	f    *file
	errs []*tomlfile.Error
}

func validate(name string, data []byte, loc tomlfile.Locator, f *file) error {
	v := &validator{name: name, at: newLocator(loc, data), f: f}
	v.format()
	v.labels("platform", f.Platforms, append(slices.Clone(computerPlatforms), phonePlatforms...))
	v.labels("action", f.Actions, ActionKinds())
	v.symptoms()
	v.remedies()
	v.findings()
	v.checks()
	return v.result()
}

// where finds the line of a key. Finding lines means scanning the file, so it is done only
// for a problem, not for every key a valid file has.
type where func() int

func (v *validator) keyAt(key string) where { return func() int { return v.at.key(key) } }

func (v *validator) elemAt(table string, n int) where {
	return func() int { return v.at.element(table, n) }
}

func (v *validator) fieldAt(table where, name string) where {
	return func() int { return v.at.field(table(), name) }
}

// bad records a problem at the line where finds (none when where is nil) with key.
func (v *validator) bad(at where, key, format string, args ...any) {
	line := 0
	if at != nil {
		line = at()
	}
	v.errs = append(v.errs, &tomlfile.Error{File: v.name, Line: line, Key: key, Msg: fmt.Sprintf(format, args...)})
}

// result orders the problems by line (missing entries, with no line, last) and joins them.
func (v *validator) result() error {
	if len(v.errs) == 0 {
		return nil
	}
	sort.SliceStable(v.errs, func(i, j int) bool {
		a, b := v.errs[i], v.errs[j]
		if (a.Line == 0) != (b.Line == 0) {
			return b.Line == 0
		}
		return a.Line < b.Line
	})
	if len(v.errs) == 1 {
		return v.errs[0]
	}
	errs := make([]error, 0, maxErrors)
	for _, e := range v.errs[:min(len(v.errs), maxErrors)] {
		errs = append(errs, e)
	}
	return errors.Join(errs...)
}

func (v *validator) format() {
	if v.f.Format != FormatVersion {
		v.bad(v.keyAt("format"), "format", "must be %d (this version of Sign-in Doctor reads playbook format %d); got %d", FormatVersion, FormatVersion, v.f.Format)
	}
}

// labels checks a table of labels that must name exactly the ids in want.
func (v *validator) labels(table string, got map[string]Text, want []string) {
	for _, id := range sortedKeys(got) {
		key := table + "." + id
		if !slices.Contains(want, id) {
			v.bad(v.keyAt(key), key, "unknown: the %s table takes %s", table, strings.Join(want, ", "))
			continue
		}
		v.text(v.keyAt(key), key, got[id], true, false)
	}
	for _, id := range want {
		if _, ok := got[id]; !ok {
			v.bad(v.keyAt(table), table+"."+id, "missing: every %s needs its words in ja and en", table)
		}
	}
}

// text checks that t has both languages (or neither, when it is optional) and, for a text
// the app fills in, that its placeholders are well formed.
func (v *validator) text(line where, key string, t Text, required, template bool) {
	ja, en := strings.TrimSpace(t.JA), strings.TrimSpace(t.EN)
	if !required && ja == "" && en == "" {
		return
	}
	if ja == "" {
		v.bad(line, key+".ja", "missing the Japanese text (every text needs ja and en)")
	}
	if en == "" {
		v.bad(line, key+".en", "missing the English text (every text needs ja and en)")
	}
	if template {
		v.template(line, key+".ja", t.JA)
		v.template(line, key+".en", t.EN)
	}
}

func (v *validator) template(line where, key, s string) {
	if err := templateError(s); err != nil {
		v.bad(line, key, "bad placeholder: %v", err)
	}
}

// refs checks that ids names remedies, in order, at least one.
func (v *validator) refs(line where, key string, ids []string) {
	if len(ids) == 0 {
		v.bad(line, key, "needs at least one remedy id")
	}
	for i, id := range ids {
		if _, ok := v.f.Remedies[id]; !ok {
			at := func() int {
				if l := v.at.loc.ValueLine(key, id); l > 0 {
					return l
				}
				return line()
			}
			v.bad(at, fmt.Sprintf("%s[%d]", key, i), "%q is not a remedy of this playbook (a [remedy.%s] table)", id, id)
		}
	}
}

// ids checks that a table of entries has exactly the ids of the contract.
func (v *validator) ids(table string, got []string, want []string, what string) {
	for _, id := range got {
		if !slices.Contains(want, id) {
			key := table + "." + id
			v.bad(v.keyAt(key), key, "%q is not a %s id; they are %s", id, what, strings.Join(want, ", "))
		}
	}
	for _, id := range want {
		if !slices.Contains(got, id) {
			v.bad(nil, table+"."+id, "missing: every %s id needs a [%s.%s] entry", what, table, id)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (v *validator) symptoms() {
	var current []string
	for _, id := range sortedKeys(v.f.Symptoms) {
		if to, ok := checks.CanonicalSymptom(id); ok && to != id {
			// IT's copy of an older default playbook: say what the entry is now called
			key := "symptom." + id
			v.bad(v.keyAt(key), key, "%q is an old symptom id, now %q: rename the entry [symptom.%s] and give every symptom id its entry (docs/DESIGN.md lists them)", id, to, to)
			continue
		}
		current = append(current, id)
	}
	v.ids("symptom", current, checks.SymptomIDs(), "symptom")
	for _, id := range sortedKeys(v.f.Symptoms) {
		s, key := v.f.Symptoms[id], "symptom."+id
		line := v.keyAt(key)
		v.text(v.keyAt(key+".title"), key+".title", s.Title, true, false)
		v.text(v.keyAt(key+".error"), key+".error", s.Error, true, false)
		v.text(v.keyAt(key+".about"), key+".about", s.About, false, false)
		v.phrases(key+".phrases", "phrase", s.Phrases)
		v.phrases(key+".labels", "label", s.Labels)
		if len(s.Causes) == 0 {
			v.bad(line, key+".causes", "needs at least one cause")
		}
		for i, c := range s.Causes {
			v.text(v.elemAt(key+".causes", i), fmt.Sprintf("%s.causes[%d]", key, i), c, true, false)
		}
		v.refs(v.keyAt(key+".remedies"), key+".remedies", s.Remedies)
		v.situations(key, s)
	}
}

// phrases checks a symptom's phrases or labels (kind names which): none that would match
// nothing, and both languages or neither.
func (v *validator) phrases(key, kind string, p Phrases) {
	line := v.keyAt(key)
	for lang, list := range map[string][]string{"ja": p.JA, "en": p.EN} {
		for i, s := range list {
			switch {
			case strings.TrimSpace(s) == "":
				v.bad(line, fmt.Sprintf("%s.%s[%d]", key, lang, i), "an empty %s matches nothing", kind)
			case normalize(s) == "":
				v.bad(line, fmt.Sprintf("%s.%s[%d]", key, lang, i), "%q matches nothing: a %s needs letters or digits, punctuation is ignored", s, kind)
			}
		}
	}
	if (len(p.JA) == 0) != (len(p.EN) == 0) {
		lang := "ja"
		if len(p.EN) == 0 {
			lang = "en"
		}
		v.bad(line, key+"."+lang, "missing: %ss are given in both ja and en, or not at all", kind)
	}
}

func (v *validator) situations(key string, s *Symptom) {
	v.text(v.keyAt(key+".question"), key+".question", s.Question, len(s.Situations) > 0, false)
	if len(s.Situations) == 0 && (s.Question.JA != "" || s.Question.EN != "") {
		v.bad(v.keyAt(key+".question"), key+".question", "a question needs [[%s.situations]] to answer it", key)
	}
	seen := map[string]bool{}
	for i, sit := range s.Situations {
		at := v.elemAt(key+".situations", i)
		ekey := fmt.Sprintf("%s.situations[%d]", key, i)
		switch {
		case !validID(sit.ID):
			v.bad(v.fieldAt(at, "id"), ekey+".id", "needs an id of lower-case letters, digits and dashes (like \"organisation\")")
		case seen[sit.ID]:
			v.bad(v.fieldAt(at, "id"), ekey+".id", "%q is given twice", sit.ID)
		}
		seen[sit.ID] = true
		v.text(v.fieldAt(at, "label"), ekey+".label", sit.Label, true, false)
		v.refs(v.fieldAt(at, "remedies"), ekey+".remedies", sit.Remedies)
	}
}

func validID(id string) bool {
	if id == "" {
		return false
	}
	for _, c := range id {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}
