package playbook

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/signin-doctor/signin-doctor/checks"
)

// MaxPaste bounds how much of a pasted text Match reads: an error message is a few lines, and
// a whole page pasted by mistake must not make the home screen slow.
const MaxPaste = 8 << 10

// minScore is the least score Match offers. A whole phrase scores above 1; a share of a
// phrase's words scores 0.9 times that share, so below minScore is less than about four
// fifths of a phrase's weighted words: words every sign-in message or page has
// ("エラーメッセージが表示された", "Something went wrong", "Email address or mobile number")
// rather than a message.
const minScore = 0.7

// SymptomMatch is a symptom whose error text resembles what the person pasted.
type SymptomMatch struct {
	ID     string  // symptom id
	Score  float64 // above 1: a whole phrase was found; below 1: the share of its words found
	Phrase string  // the error text, phrase or label that matched best, as the playbook writes it
}

// phrase is an error text, title, phrase or label of a symptom, normalised for matching.
type phrase struct {
	source  string
	text    string // normalised, words separated by single spaces
	compact string // text without spaces, for Japanese, which has none
	cjk     bool
	tokens  []string
	// holdsLabel marks a phrase with a label inside it ("Do not tap Sign in with Google"): it
	// is looked for in the whole paste, while any other phrase is looked for only outside the
	// labels, so that it is not found inside a button ("Use backup verification code").
	holdsLabel bool
}

func newPhrase(source string) phrase {
	text := normalize(source)
	return phrase{source: source, text: text, compact: strings.ReplaceAll(text, " ", ""),
		cjk: strings.IndexFunc(text, isCJK) >= 0, tokens: tokens(text)}
}

func newPhrases(sources ...string) []phrase {
	var out []phrase
	for _, src := range sources {
		if p := newPhrase(src); p.text != "" {
			out = append(out, p)
		}
	}
	return out
}

func symptomPhrases(s *Symptom) []phrase {
	return newPhrases(append([]string{s.Error.JA, s.Error.EN, s.Title.JA, s.Title.EN}, append(s.Phrases.JA, s.Phrases.EN...)...)...)
}

func symptomLabels(s *Symptom) []phrase {
	return newPhrases(append(slices.Clone(s.Labels.JA), s.Labels.EN...)...)
}

// prepareMatch normalises every symptom's phrases and labels once, for Match.
func (p *Playbook) prepareMatch() {
	for _, s := range p.symptoms {
		s.phrases, s.labels = symptomPhrases(s), symptomLabels(s)
	}
	p.weights = tokenWeights(p.symptoms)
	p.labels = allLabels(p.symptoms)
	for _, s := range p.symptoms {
		for i, ph := range s.phrases {
			s.phrases[i].holdsLabel = p.withoutLabels(ph.text) != ph.text
		}
	}
}

// normalize folds what differs between a message as shown and as pasted: full-width and
// half-width forms (NFKC), case, and punctuation, quotes and symbols, which become spaces.
func normalize(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	mapped := strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(mapped), " ")
}

func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー'
}

// stopwords carry no meaning of their own in an English error message.
var stopwords = []string{"the", "to", "of", "is", "in", "on", "an", "and", "or", "for", "this", "that", "from", "your", "you", "be", "has", "have", "been", "it", "at", "with"}

// tokens splits normalised text into words: Latin words and numbers whole, Japanese runs as
// overlapping pairs of characters, the usual way to compare text without spaces.
func tokens(text string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, field := range strings.Fields(text) {
		runes := []rune(field)
		for start := 0; start < len(runes); {
			cjk := isCJK(runes[start])
			end := start
			for end < len(runes) && isCJK(runes[end]) == cjk {
				end++
			}
			run := runes[start:end]
			switch {
			case cjk:
				for i := 0; i+1 < len(run); i++ {
					add(string(run[i : i+2]))
				}
			case len(run) >= 2 && !slices.Contains(stopwords, string(run)):
				add(string(run))
			}
			start = end
		}
	}
	return out
}

// Match ranks the symptoms whose error text resembles pasted, best first. A symptom whose
// error text or phrase appears whole in pasted (after normalising width, case and
// punctuation) ranks above one that only shares words with it; below minScore nothing is
// offered. A label (a button or link the service shows) counts only when it is nearly all
// that was pasted, and its words never count toward another phrase, so the buttons of a
// pasted page do not outweigh its message. Nothing alike: an empty list.
func (p *Playbook) Match(pasted string) []SymptomMatch {
	if len(pasted) > MaxPaste {
		pasted = pasted[:MaxPaste]
	}
	in := newPhrase(pasted)
	if in.text == "" {
		return nil
	}
	pst := pastedText{whole: in, rest: newPhrase(p.withoutLabels(in.text)), words: map[string]bool{}}
	for _, t := range pst.rest.tokens {
		pst.words[t] = true
	}
	var found []match
	for _, id := range checks.SymptomIDs() {
		if s, ok := p.symptoms[id]; ok {
			if best := s.bestMatch(pst, p.weights); best.Score >= minScore {
				found = append(found, best)
			}
		}
	}
	return offered(found)
}

// pastedText is a paste as Match reads it: whole, and without the playbook's labels (rest,
// and its words).
type pastedText struct {
	whole, rest phrase
	words       map[string]bool
}

// bestMatch is the best of the symptom's phrases and labels for pst.
func (s *Symptom) bestMatch(pst pastedText, weights map[string]float64) match {
	best := match{SymptomMatch: SymptomMatch{ID: s.ID}}
	consider := func(score float64, ph phrase) {
		if score > best.Score {
			best.Score, best.Phrase, best.compact = score, ph.source, ph.compact
		}
	}
	for _, ph := range s.phrases {
		target := pst.rest
		if ph.holdsLabel {
			target = pst.whole
		}
		consider(ph.score(target, pst.words, weights), ph)
	}
	for _, lb := range s.labels {
		consider(lb.labelScore(pst.whole), lb)
	}
	return best
}

// offered ranks the symptoms found, best first. A message found whole is what was pasted:
// neither a shorter one inside it nor another symptom's shared words are offered beside it.
func offered(found []match) []SymptomMatch {
	anyWhole := slices.ContainsFunc(found, func(m match) bool { return m.Score >= 1 })
	var out []SymptomMatch
	for _, m := range found {
		if !m.inside(found) && (m.Score >= 1 || !anyWhole) {
			out = append(out, m.SymptomMatch)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// match is a symptom's best match with the phrase that made it, normalised.
type match struct {
	SymptomMatch
	compact string
}

// inside reports whether m is a whole phrase found as part of another symptom's longer whole
// phrase, as 「パスワードが正しくありません」 is in 「ワンタイムパスワードが正しくありません」: the
// longer message is what was pasted, and the shorter one is not offered beside it.
func (m match) inside(all []match) bool {
	if m.Score < 1 {
		return false
	}
	for _, o := range all {
		if o.ID != m.ID && o.Score >= 1 && len(o.compact) > len(m.compact) && strings.Contains(o.compact, m.compact) {
			return true
		}
	}
	return false
}

// minCompactLatin is the shortest Latin phrase matched without word boundaries, so that
// "disallowed_useragent" pasted as "disalloweduseragent" still matches while a short word
// does not match inside a longer one.
const minCompactLatin = 12

// whole is the score of a phrase found whole: 1 and more, longer phrases being more specific.
func (ph phrase) whole() float64 {
	return 1 + float64(min(len([]rune(ph.compact)), 50))/100
}

// score says how well the phrase matches the input: whole() when found whole in it;
// otherwise the weighted share of its words among words, the input's words that are not a
// label's (half at least, and two words), times 0.9; 0 for no match.
func (ph phrase) score(in phrase, words map[string]bool, weights map[string]float64) float64 {
	switch {
	case ph.cjk && strings.Contains(in.compact, ph.compact):
		return ph.whole()
	case !ph.cjk && containsWords(in.text, ph.text):
		return ph.whole()
	case !ph.cjk && len(ph.compact) >= minCompactLatin && strings.Contains(in.compact, ph.compact):
		return ph.whole()
	}
	if len(ph.tokens) < 2 {
		return 0
	}
	common, found, total := 0, 0.0, 0.0
	for _, tok := range ph.tokens {
		w := weights[tok]
		total += w
		if words[tok] {
			common++
			found += w
		}
	}
	if common < 2 || total == 0 || found/total < 0.5 {
		return 0
	}
	return 0.9 * found / total
}

// containsWords reports whether words, Latin words and numbers, appear in text as whole
// words: not inside a longer word, though Japanese may touch them ("IMAPサーバー").
func containsWords(text, words string) bool {
	for from := 0; ; {
		i := strings.Index(text[from:], words)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(words)
		before, _ := utf8.DecodeLastRuneInString(text[:start])
		after, _ := utf8.DecodeRuneInString(text[end:])
		first, _ := utf8.DecodeRuneInString(words)
		last, _ := utf8.DecodeLastRuneInString(words)
		if (start == 0 || !joins(before, first)) && (end == len(text) || !joins(last, after)) {
			return true
		}
		from = start + len(string(first))
	}
}

// tokenWeights weighs each word of the symptoms' phrases by how few symptoms use it, so that
// a word every message has ("サインイン", "error") counts for little and a word only one
// symptom has ("セッション", "useragent") counts for much. Labels are not phrases: their
// words are never counted.
func tokenWeights(symptoms map[string]*Symptom) map[string]float64 {
	uses := map[string]int{}
	for _, s := range symptoms {
		seen := map[string]bool{}
		for _, ph := range s.phrases {
			for _, tok := range ph.tokens {
				if !seen[tok] {
					seen[tok] = true
					uses[tok]++
				}
			}
		}
	}
	weights := make(map[string]float64, len(uses))
	for tok, n := range uses {
		weights[tok] = math.Log(1 + float64(len(symptoms))/float64(n))
	}
	return weights
}
