package playbook

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/signin-doctor/signin-doctor/checks"
)

// maxPaste bounds how much of a pasted text Match reads: an error message is a few lines, and
// a whole page pasted by mistake must not make the home screen slow.
const maxPaste = 8 << 10

// SymptomMatch is a symptom whose error text resembles what the person pasted.
type SymptomMatch struct {
	ID     string  // symptom id
	Score  float64 // above 1: a whole phrase was found; below 1: the share of its words found
	Phrase string  // the error text or phrase that matched best, as the playbook writes it
}

// phrase is an error text, title or phrase of a symptom, normalised for matching.
type phrase struct {
	source  string
	text    string // normalised, words separated by single spaces
	compact string // text without spaces, for Japanese, which has none
	cjk     bool
	tokens  []string
}

func newPhrase(source string) phrase {
	text := normalize(source)
	return phrase{source: source, text: text, compact: strings.ReplaceAll(text, " ", ""),
		cjk: strings.IndexFunc(text, isCJK) >= 0, tokens: tokens(text)}
}

func symptomPhrases(s *Symptom) []phrase {
	var out []phrase
	for _, src := range append([]string{s.Error.JA, s.Error.EN, s.Title.JA, s.Title.EN}, append(s.Phrases.JA, s.Phrases.EN...)...) {
		if p := newPhrase(src); p.text != "" {
			out = append(out, p)
		}
	}
	return out
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
// punctuation) ranks above one that only shares words with it. Nothing alike: an empty list.
func (p *Playbook) Match(pasted string) []SymptomMatch {
	if len(pasted) > maxPaste {
		pasted = pasted[:maxPaste]
	}
	in := newPhrase(pasted)
	if in.text == "" {
		return nil
	}
	words := make(map[string]bool, len(in.tokens))
	for _, t := range in.tokens {
		words[t] = true
	}
	var out []SymptomMatch
	for _, id := range checks.SymptomIDs() {
		s, ok := p.symptoms[id]
		if !ok {
			continue
		}
		best := SymptomMatch{ID: id}
		for _, ph := range s.phrases {
			if score := ph.score(in, words, p.weights); score > best.Score {
				best.Score, best.Phrase = score, ph.source
			}
		}
		if best.Score > 0 {
			out = append(out, best)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// minCompactLatin is the shortest Latin phrase matched without word boundaries, so that
// "disallowed_useragent" pasted as "disalloweduseragent" still matches while a short word
// does not match inside a longer one.
const minCompactLatin = 12

// score says how well the phrase matches the input: 1 and more when found whole (longer
// phrases are more specific); otherwise the weighted share of its words found (half at least,
// and two words) times 0.9; 0 for no match.
func (ph phrase) score(in phrase, words map[string]bool, weights map[string]float64) float64 {
	whole := 1 + float64(min(len([]rune(ph.compact)), 50))/100
	switch {
	case ph.cjk && strings.Contains(in.compact, ph.compact):
		return whole
	case !ph.cjk && strings.Contains(" "+in.text+" ", " "+ph.text+" "):
		return whole
	case !ph.cjk && len(ph.compact) >= minCompactLatin && strings.Contains(in.compact, ph.compact):
		return whole
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

// tokenWeights weighs each word of the symptoms' phrases by how few symptoms use it, so that
// a word every message has ("サインイン", "error") counts for little and a word only one
// symptom has ("セッション", "useragent") counts for much.
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
