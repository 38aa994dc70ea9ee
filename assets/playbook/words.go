package playbook

// Words are an advice's texts in both languages, for a report that is read in either: the
// person's copy in theirs, the helpdesk's in its own.
type Words struct {
	Symptom  Text                  // the symptom's title
	System   Text                  // this computer's OS by name
	Checks   map[string]CheckWords // by check id, for the checks of the run
	Findings []Text                // the messages of Advice.Findings, in order
	Remedies []Text                // the titles of Advice.Remedies, in order
}

// CheckWords are a check's title and its one line about this run.
type CheckWords struct {
	Title, Line Text
}

// Words returns the advice's texts in both languages.
func (a Advice) Words() Words {
	w := Words{Symptom: a.words.symptom, System: a.words.system, Checks: make(map[string]CheckWords, len(a.words.checks))}
	for id, c := range a.words.checks {
		w.Checks[id] = CheckWords{Title: c.title, Line: c.line}
	}
	for _, f := range a.Findings {
		w.Findings = append(w.Findings, f.msg)
	}
	for _, r := range a.Remedies {
		w.Remedies = append(w.Remedies, r.title)
	}
	return w
}
