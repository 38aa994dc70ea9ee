package linebreak

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"
)

// ems measures as a monospaced font does: a Japanese (wide) character is 2, anything else 1.
func ems(s string) float32 {
	var w float32
	for _, r := range s {
		switch k := width.LookupRune(r).Kind(); k {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return w
}

// Remedy steps and explanations of the embedded playbook (assets/playbook/default.toml).
var playbookSentences = []string{
	"認証アプリのワンタイムパスワード(TOTP)は、スマートフォンの時計から30秒ごとに作られます。時計がずれていると、正しく入力しても「正しくない」と判定されます。",
	"管理者(ヘルプデスク)に、「このIPアドレスからのサインインは許可されていません」と表示されることを伝え、制限を解除するように問い合わせます。",
	"OneAuthアプリに再度アクセスできない場合は、Zohoヘルプセンターに連絡します。Zohoのヘルプは、[サインインの制限]を無効にしないままOneAuthアプリをアンインストールした場合の問い合わせ先として、support@zohoaccounts.com を案内しています。",
	"Safariのブラウザーを使います。SafariはiPhoneに最初から入っていて、通常は削除できません。ホーム画面に見当たらないときは、[設定]→[スクリーンタイム]→[コンテンツとプライバシーの制限]→[許可されたApp]で、[Safari]がオフになっていないか確かめます。",
	"または端末で「sudo timedatectl set-ntp true」を実行し、「timedatectl」の表示で[System clock synchronized: yes]になるのを確認します。",
	"[設定]→[時刻と言語]→[日付と時刻]で、[タイム ゾーンを自動的に設定する]をオンにするか、正しいタイムゾーン(日本なら「(UTC+09:00) 大阪、札幌、東京」)を選びます。",
	"デスクトップの[設定]の[日付と時刻]で[タイムゾーンの自動設定]をオンにするか、端末で「sudo timedatectl set-timezone Asia/Tokyo」のように正しいタイムゾーンを設定します。",
	"パスワード、ワンタイムパスワード(SMS・メール・認証アプリ)、バックアップ認証コードの入力を続けて間違えると、Zohoは入力が行われたブラウザーのタブからのサインインを一時的にブロックします。総当たり攻撃を防ぐためです。",
	"ブラウザーを開き、表示されるWi-Fiのログインページで利用規約への同意や認証をします。表示されない場合は、http:// で始まる任意のページを開きます。",
	"OneAuthアプリを開きます。「パスワードを認証してください」というメッセージが表示されます。\nメッセージをタップし、[承認する]を選びます。",
	// The same, as a person might type it, in full-width brackets and quotation marks.
	"管理者（ヘルプデスク）に、“このIPアドレスからのサインインは許可されていません”と表示されることを伝え、制限を解除するように問い合わせます。",
	"ホーム画面に見当たらないときは、『設定』→『スクリーンタイム』→【コンテンツとプライバシーの制限】で、〔Safari〕がオフになっていないか確かめます。ちょっと待ってください……ね！",
}

// The rules (#16): no line starts with closing punctuation or small kana, no line
// ends with an opening bracket; the ASCII brackets the playbook uses in Japanese too.
const (
	mustNotStart = "、。，．）」』】〕〉》”’・：；？！ーゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ),.]"
	mustNotEnd   = "（「『【〔〈《“‘(["
)

// brokenRules says how lines break the rules, or that they are not the text.
func brokenRules(text string, lines []string) []string {
	var out []string
	if got := strings.Join(lines, ""); got != text {
		out = append(out, "the lines joined are not the text: "+got)
	}
	for i, l := range lines {
		d := Drawn(l)
		if d == "" {
			continue
		}
		if first := []rune(d)[0]; strings.ContainsRune(mustNotStart, first) && i > 0 {
			out = append(out, "line "+d+" starts with "+string(first))
		}
		if last := []rune(d)[len([]rune(d))-1]; strings.ContainsRune(mustNotEnd, last) {
			out = append(out, "line "+d+" ends with "+string(last))
		}
	}
	return out
}

// latinWords are the text's Latin words and URLs: runs of neither spaces nor wide characters.
func latinWords(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !latin(r) })
}

func TestPlaybookSentencesKeepKinsoku(t *testing.T) {
	for _, text := range playbookSentences {
		for _, w := range []float32{12, 17, 24, 31, 40, 56, 80} {
			lines := Lines(text, w, ems)
			for _, problem := range brokenRules(text, lines) {
				t.Errorf("width %v: %s\n%s", w, problem, strings.Join(lines, "|"))
			}
			for _, l := range lines {
				if ems(Drawn(l)) > w {
					t.Errorf("width %v: the line %q is %v wide", w, Drawn(l), ems(Drawn(l)))
				}
			}
			// A word that fits with a bracket and a comma on each side stays whole.
			for _, word := range latinWords(text) {
				if ems(word)+8 > w {
					continue
				}
				if !onOneLine(lines, word) {
					t.Errorf("width %v: the word %q is broken:\n%s", w, word, strings.Join(lines, "|"))
				}
			}
			if len(lines) > 1 && w >= 24 && ems(Drawn(lines[0])) < w/2 {
				t.Errorf("width %v: the first line is short: %q", w, lines[0])
			}
		}
	}
}

// onOneLine reports whether every occurrence of word in the text is within one line.
func onOneLine(lines []string, word string) bool {
	text := strings.Join(lines, "")
	var ends []int // where each line ends, in bytes
	n := 0
	for _, l := range lines {
		n += len(l)
		ends = append(ends, n)
	}
	for from := 0; ; {
		i := strings.Index(text[from:], word)
		if i < 0 {
			return true
		}
		start, end := from+i, from+i+len(word)
		for _, e := range ends {
			if e > start && e < end {
				return false
			}
		}
		from = end
	}
}

func TestLines(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float32
		want  []string
	}{
		{"full stop stays with its word", "あいう。えお", 6, []string{"あい", "う。え", "お"}},
		{"comma stays with its word", "はい、そうです", 4, []string{"は", "い、", "そう", "です"}},
		{"opening bracket goes with its word", "あい「うえ」", 6, []string{"あい", "「う", "え」"}},
		{"closing bracket stays", "とても（大事）です", 12, []string{"とても（大", "事）です"}},
		{"small kana stays", "チェックします", 6, []string{"チェッ", "クしま", "す"}},
		{"long vowel stays", "ブラウザーです", 8, []string{"ブラウ", "ザーです"}},
		{"after a space too", "はい ・いいえ", 6, []string{"は", "い ・", "いいえ"}},
		{"quotation marks keep their words", "それは“はい”です", 7, []string{"それは", "“はい”", "です"}},
		{"English wraps at spaces", "The clock is right", 10, []string{"The clock ", "is right"}},
		{"a URL goes whole to the next line", "開く https://zoho.com/a/b を見る", 20,
			[]string{"開く ", "https://zoho.com/a/b ", "を見る"}},
		{"a URL wider than the line breaks after a slash", "https://accounts.zoho.com/signin/help", 30,
			[]string{"https://accounts.zoho.com/", "signin/help"}},
		{"a word wider than the line breaks at graphemes", "abcdefghij", 4, []string{"abcd", "efgh", "ij"}},
		{"nor does a broken word put a full stop first", "abcdefgh.", 4, []string{"abcd", "efg", "h."}},
		{"nor split a grapheme", "ﾃﾞﾃﾞﾃﾞ e\u0301e\u0301e\u0301", 2, []string{"ﾃﾞ", "ﾃﾞ", "ﾃﾞ ", "e\u0301", "e\u0301", "e\u0301"}},
		{"what cannot break overflows", "チェッ", 2, []string{"チェッ"}},
		{"explicit line breaks", "一行目\n二行目\n", 20, []string{"一行目\n", "二行目\n", ""}},
		{"CR LF is one break", "a\r\nb", 0, []string{"a\r\n", "b"}},
		{"no width: explicit breaks only", "とても長い一行です\nはい", 0, []string{"とても長い一行です\n", "はい"}},
		{"empty", "", 10, []string{""}},
		{"spaces hang at the end of a line", "one two   three", 6, []string{"one ", "two   ", "three"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Lines(tt.text, tt.width, ems)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Lines(%q, %v) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			for _, problem := range brokenRules(tt.text, got) {
				t.Error(problem)
			}
		})
	}
}

// One analysis serves every width, and gives what a fresh analysis gives.
func TestTextBreaksAtManyWidths(t *testing.T) {
	text := playbookSentences[3]
	a := Analyse(text)
	for _, w := range []float32{40, 12, 80, 12} {
		if got, want := a.Lines(w, ems), Lines(text, w, ems); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("width %v: %q, then %q", w, got, want)
		}
	}
}

func TestDrawn(t *testing.T) {
	for in, want := range map[string]string{"one ": "one", "二行目\n": "二行目", "  x\u3000\r\n": "  x", "": ""} {
		if got := Drawn(in); got != want {
			t.Errorf("Drawn(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzLines(f *testing.F) {
	for _, s := range playbookSentences {
		f.Add(s, float32(17))
	}
	f.Add("a\n\n b「」（）", float32(3))
	f.Fuzz(func(t *testing.T, text string, w float32) {
		if !utf8Valid(text) {
			return
		}
		lines := Lines(text, w, ems)
		if got := strings.Join(lines, ""); got != text {
			t.Fatalf("Lines(%q, %v) joined is %q", text, w, got)
		}
		for _, l := range lines[:len(lines)-1] {
			if l == "" {
				t.Fatalf("Lines(%q, %v) has an empty line before the last: %q", text, w, lines)
			}
		}
	})
}

func utf8Valid(s string) bool {
	return !strings.ContainsRune(s, unicode.ReplacementChar) && strings.ToValidUTF8(s, "") == s
}

// The longest remedy step, analysed once and broken at a window's width.
func BenchmarkLines(b *testing.B) {
	text := strings.Repeat(playbookSentences[7], 2)
	b.Run("analyse", func(b *testing.B) {
		for b.Loop() {
			Analyse(text)
		}
	})
	a := Analyse(text)
	b.Run("lines", func(b *testing.B) {
		for b.Loop() {
			a.Lines(80, ems)
		}
	})
}
