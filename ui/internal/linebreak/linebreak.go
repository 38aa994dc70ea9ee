// Package linebreak breaks a text into lines that fit a width, the way Japanese is set.
//
// Fyne wraps a line at the rune that overflows, so a Japanese line can start with 。、）」 or a
// small kana, or end with （「. This package breaks only where Unicode's line breaking
// algorithm (UAX #14, as github.com/go-text/typesetting/segmenter implements it) allows, and
// adds what UAX #14 leaves to the application for Japanese, kinsoku shori: no line starts with
// closing brackets and punctuation, iteration marks, the long-vowel mark or small kana, and no
// line ends with an opening bracket (see kinsoku.go), also where UAX #14 would allow it beside
// quotation marks. A Latin word or a URL stays whole where it fits on a line of its own; a
// word wider than the width breaks inside, where UAX #14 allows (after "/" or "-"), and at
// graphemes as a last resort. An explicit line break always starts a new line.
//
// It knows nothing of Fyne: the caller measures text.
package linebreak

import (
	"sort"
	"strings"
	"unicode"

	"github.com/go-text/typesetting/segmenter"
	"golang.org/x/text/width"
)

// Measure returns how wide s is drawn.
type Measure func(s string) float32

// level is how good a place to break a line is; a line breaks at the best level that fits.
type level uint8

const (
	never     level = iota
	grapheme        // between graphemes: only to split a word wider than the line
	inWord          // where UAX #14 allows a break inside a Latin word or a URL ("/", "-")
	between         // where UAX #14 allows a break between words, or between Japanese characters
	mandatory       // after an explicit line break
)

// Text is a text analysed for line breaking once, to be broken at many widths.
type Text struct {
	runes []rune
	// at[i] is how good it is to break before runes[i]; at[len(runes)] is the end.
	at []level
	// stops[l] lists, in order, the positions where a line may break at level l or better,
	// and the end of the text.
	stops [mandatory + 1][]int
	// endsWithBreak: the text's last rune is a line break, so an empty line follows it.
	endsWithBreak bool
}

// Analyse finds where text may break.
func Analyse(text string) *Text {
	t := &Text{runes: []rune(text)}
	n := len(t.runes)
	t.at = make([]level, n+1)
	var seg segmenter.Segmenter
	seg.Init(t.runes)
	graphemes := seg.GraphemeIterator()
	for graphemes.Next() {
		if g := graphemes.Grapheme(); g.Offset > 0 && t.allows(g.Offset) && !unicode.IsSpace(t.runes[g.Offset]) {
			t.at[g.Offset] = grapheme
		}
	}
	lines := seg.LineIterator()
	for lines.Next() {
		l := lines.Line()
		if end := l.Offset + len(l.Text); end < n {
			t.at[end] = max(t.at[end], t.opportunity(end, l.IsMandatoryBreak))
		} else {
			t.endsWithBreak = l.IsMandatoryBreak && n > 0 && isLineBreak(t.runes[n-1])
		}
	}
	t.at[n] = mandatory
	for i := 1; i <= n; i++ {
		for l := grapheme; l <= t.at[i]; l++ {
			t.stops[l] = append(t.stops[l], i)
		}
	}
	return t
}

// opportunity is how good the break UAX #14 finds before runes[i] is.
func (t *Text) opportunity(i int, isMandatory bool) level {
	switch {
	case isMandatory:
		return mandatory
	case !t.allows(i):
		return never
	case latin(t.runes[i-1]) && latin(t.runes[i]):
		return inWord
	}
	return between
}

// allows reports whether kinsoku allows a line to break before runes[i]: the next line would
// not start with what must follow its word, nor this line end with what must precede its word.
func (t *Text) allows(i int) bool {
	if noStart(t.runes[i]) {
		return false
	}
	j := i - 1
	for j > 0 && unicode.IsSpace(t.runes[j]) {
		j--
	}
	return !noEnd(t.runes[j])
}

// latin reports whether r is part of a word that is broken only where it does not fit: a
// rune that is neither a space nor as wide as a Japanese character.
func latin(r rune) bool {
	if unicode.IsSpace(r) {
		return false
	}
	k := width.LookupRune(r).Kind()
	return k != width.EastAsianWide && k != width.EastAsianFullwidth
}

func isLineBreak(r rune) bool {
	return r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
}

// Lines breaks t into lines no wider than maxWidth, as measure measures each line's drawn text
// (Drawn). Each line keeps what ends it, the spaces after its last word and its explicit line
// break, so that the lines joined are the text; after a final line break comes an empty line.
// A maxWidth of zero or less breaks at explicit line breaks only.
func (t *Text) Lines(maxWidth float32, measure Measure) []string {
	fits := func(start, end int) bool {
		return maxWidth <= 0 || measure(Drawn(string(t.runes[start:end]))) <= maxWidth
	}
	var out []string
	for start := 0; start < len(t.runes); {
		end := t.lineEnd(start, fits)
		out = append(out, string(t.runes[start:end]))
		start = end
	}
	if len(out) == 0 || t.endsWithBreak {
		out = append(out, "")
	}
	return out
}

// Lines breaks text into lines no wider than maxWidth: Analyse(text).Lines(maxWidth, measure).
func Lines(text string, maxWidth float32, measure Measure) []string {
	return Analyse(text).Lines(maxWidth, measure)
}

// lineEnd is where the line that starts at start ends: the furthest place to break between
// words that fits; else, the first word not fitting, the furthest place inside it that fits;
// else, where it does not fit at all, its first grapheme (or, if it cannot break, all of it).
func (t *Text) lineEnd(start int, fits func(start, end int) bool) int {
	limit := t.after(mandatory, start)[0]
	words := t.before(t.after(between, start), limit)
	if end, ok := furthest(start, words, fits); ok {
		return end
	}
	first := words[0]
	for _, l := range []level{inWord, grapheme} {
		if end, ok := furthest(start, t.before(t.after(l, start), first-1), fits); ok {
			return end
		}
	}
	if inside := t.before(t.after(grapheme, start), first-1); len(inside) > 0 {
		return inside[0]
	}
	return first
}

// after is the stops of level l or better after start; it always holds the end of the text.
func (t *Text) after(l level, start int) []int {
	s := t.stops[l]
	return s[sort.SearchInts(s, start+1):]
}

// before is the stops up to and including limit.
func (t *Text) before(stops []int, limit int) []int {
	return stops[:sort.SearchInts(stops, limit+1)]
}

// furthest is the last of stops (in order) at which the line from start still fits.
func furthest(start int, stops []int, fits func(start, end int) bool) (int, bool) {
	n := sort.Search(len(stops), func(i int) bool { return !fits(start, stops[i]) })
	if n == 0 {
		return 0, false
	}
	return stops[n-1], true
}

// Drawn is what a line shows: the line without the spaces and the line break that end it.
func Drawn(line string) string {
	return strings.TrimRightFunc(line, unicode.IsSpace)
}
