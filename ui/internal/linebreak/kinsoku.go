package linebreak

import "strings"

// Kinsoku shori: the characters that JIS X 4051 keeps from the start or the end of a line.
// UAX #14 already keeps most of them there (its classes CL, CP, EX, IS, NS and OP, with the
// conditional Japanese starters CJ resolved strictly to NS); these lists also hold where it
// differs: the quotation marks “ ” ‘ ’, which UAX #14 lets break beside Japanese characters,
// and a line's start after a space. They also keep a word broken at graphemes, as a last
// resort, from breaking before "." or after "(".

// notAtStart cannot start a line: closing brackets and quotation marks, commas and full
// stops, middle dots, question and exclamation marks, iteration marks, the long-vowel mark,
// small kana; in their full-width, half-width and ASCII forms.
const notAtStart = "、。，．､｡,.)]}）］｝」』】〕〉》〙〗｣”’»›" +
	"・：；？！‼⁇⁈⁉:;?!･" +
	"ーｰゝゞヽヾ々〻" +
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ"

// notAtEnd cannot end a line: opening brackets and quotation marks.
const notAtEnd = "(［[{（｛「『【〔〈《〘〖｢“‘«‹"

func noStart(r rune) bool { return strings.ContainsRune(notAtStart, r) }

func noEnd(r rune) bool { return strings.ContainsRune(notAtEnd, r) }
