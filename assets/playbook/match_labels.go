package playbook

import (
	"slices"
	"strings"
)

// A label is a button or link as the service shows it ("Sign in with Google",
// 「パスワードをお忘れの場合」). Pasted alone it names its symptom; pasted with the page around
// it, it names nothing, and its words are left out before the phrases are matched.

// labelSlack is how much a paste may hold besides a label for the label to count, as a share
// of the label's length: "Sign in with Google button" still counts, a message beside it
// does not.
const labelSlack = 0.5

// labelScore is the label's whole() when in, a paste, is (nearly) just the label; else 0.
func (lb phrase) labelScore(in phrase) float64 {
	if !strings.Contains(in.compact, lb.compact) {
		return 0
	}
	rest, found := cutLabel(in.text, lb.compact)
	if !found {
		return 0
	}
	if float64(len([]rune(strings.ReplaceAll(rest, " ", "")))) > labelSlack*float64(len([]rune(lb.compact))) {
		return 0
	}
	return lb.whole()
}

// allLabels are the labels of every symptom, longest first, so that a label inside a longer
// one ("Sign in" in "Sign in with Google") is cut after it.
func allLabels(symptoms map[string]*Symptom) []phrase {
	var out []phrase
	for _, s := range symptoms {
		out = append(out, s.labels...)
	}
	slices.SortFunc(out, func(a, b phrase) int {
		if d := len([]rune(b.compact)) - len([]rune(a.compact)); d != 0 {
			return d
		}
		return strings.Compare(a.compact, b.compact)
	})
	return out
}

// withoutLabels returns text, a normalised paste, with every label of the playbook cut out.
func (p *Playbook) withoutLabels(text string) string {
	compact := strings.ReplaceAll(text, " ", "")
	for _, lb := range p.labels {
		if strings.Contains(compact, lb.compact) { // else it cannot be there, spaces or not
			text, _ = cutLabel(text, lb.compact)
			compact = strings.ReplaceAll(text, " ", "")
		}
	}
	return text
}

// cutLabel cuts every occurrence of label (a compact text: no spaces) out of text, whatever
// spaces text has inside it ("Google でサインイン", "forgotpassword"), and reports whether
// there was one.
func cutLabel(text, label string) (string, bool) {
	t, lab := []rune(text), []rune(label)
	if len(lab) == 0 {
		return text, false
	}
	var b strings.Builder
	found := false
	for i := 0; i < len(t); {
		if end, ok := labelAt(t, i, lab); ok {
			b.WriteByte(' ')
			i, found = end, true
			continue
		}
		b.WriteRune(t[i])
		i++
	}
	if !found {
		return text, false
	}
	return strings.Join(strings.Fields(b.String()), " "), true
}

// labelAt reports where lab ends in t when it starts at t[i], skipping t's spaces. A Latin
// word or number of the label is not matched inside a longer one.
func labelAt(t []rune, i int, lab []rune) (int, bool) {
	if t[i] != lab[0] || (i > 0 && joins(t[i-1], lab[0])) {
		return 0, false
	}
	j := i
	for _, r := range lab {
		for j < len(t) && t[j] == ' ' {
			j++
		}
		if j == len(t) || t[j] != r {
			return 0, false
		}
		j++
	}
	if j < len(t) && joins(lab[len(lab)-1], t[j]) {
		return 0, false
	}
	return j, true
}

// joins reports whether a and b, side by side, belong to one Latin word or number.
func joins(a, b rune) bool {
	return a != ' ' && b != ' ' && !isCJK(a) && !isCJK(b)
}
