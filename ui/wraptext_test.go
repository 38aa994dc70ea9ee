package ui

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
)

// The rules (#16): no drawn line starts with closing punctuation or small kana (nor
// the ASCII closers the playbook's Japanese uses), none ends with an opening bracket.
const (
	notFirstOnALine = "、。，．）」』】〕〉》”’・：；？！ーゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ),.]"
	notLastOnALine  = "（「『【〔〈《“‘(["
)

// remedySteps are the texts of every remedy step of the embedded playbook in lang, longest
// first.
func remedySteps(lang string) []string {
	book := playbook.Default()
	seen := map[string]bool{}
	var out []string
	for _, sym := range book.Symptoms() {
		ids := slices.Clone(sym.Remedies)
		for _, sit := range sym.Situations {
			ids = append(ids, sit.Remedies...)
		}
		for _, id := range ids {
			r, _ := book.Remedy(id)
			for _, st := range r.Steps {
				if text := st.In(lang); !seen[text] {
					seen[text] = true
					out = append(out, text)
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	return out
}

// drawnLines are the canvas.Text objects drawn under o, in order.
func drawnLines(o fyne.CanvasObject) []*canvas.Text {
	if t, ok := o.(*canvas.Text); ok {
		return []*canvas.Text{t}
	}
	var out []*canvas.Text
	for _, child := range children(o) {
		out = append(out, drawnLines(child)...)
	}
	return out
}

// showWrapped puts text in a window width wide, as the wizard shows a step: beside its number,
// in the page's padding; it returns the widget and the lines it draws.
func showWrapped(t *testing.T, text string, width float32) (*wrapText, []string) {
	t.Helper()
	w := newWrapText(text)
	win := test.NewTempWindow(t, container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("2."), nil, w)))
	win.Resize(fyne.NewSize(width, 600))
	room := w.Size().Width - 2*theme.InnerPadding()
	var lines []string
	for _, d := range drawnLines(w) {
		if got := d.MinSize().Width; got > room+0.5 {
			t.Errorf("width %v: the line %q is %v wide, in %v", width, d.Text, got, room)
		}
		lines = append(lines, d.Text)
	}
	return w, lines
}

func TestJapaneseRemedyStepsKeepKinsoku(t *testing.T) {
	test.NewTempApp(t)
	steps := remedySteps("ja")[:6]
	for _, width := range []float32{720, 860, 1024, 1440} {
		for _, step := range steps {
			_, lines := showWrapped(t, step, width)
			for i, l := range lines {
				first, _ := utf8.DecodeRuneInString(l)
				last, _ := utf8.DecodeLastRuneInString(l)
				if i > 0 && strings.ContainsRune(notFirstOnALine, first) {
					t.Errorf("width %v: a line starts with %q: %q", width, first, lines)
				}
				if strings.ContainsRune(notLastOnALine, last) {
					t.Errorf("width %v: a line ends with %q: %q", width, last, lines)
				}
			}
			if noSpaces(strings.Join(lines, "")) != noSpaces(step) {
				t.Errorf("width %v: the lines %q are not the step %q", width, lines, step)
			}
			if width == 720 && step == steps[0] && len(lines) < 2 {
				t.Errorf("the longest step is one line at 720: the test tests nothing")
			}
		}
	}
}

func noSpaces(s string) string { return strings.Join(strings.Fields(s), "") }

func TestEnglishStillWrapsAtSpaces(t *testing.T) {
	test.NewTempApp(t)
	step := remedySteps("en")[0]
	for _, width := range []float32{720, 1024} {
		_, lines := showWrapped(t, step, width)
		if len(lines) < 2 {
			t.Fatalf("width %v: the longest English step is one line: the test tests nothing", width)
		}
		if got, want := strings.Fields(strings.Join(lines, " ")), strings.Fields(step); !slices.Equal(got, want) {
			t.Errorf("width %v: a word is broken: %q", width, lines)
		}
	}
}

// Its minimum height follows the width it is given, up and down, so that a VBox above or
// below gives it room for all its lines, as for a wrapping label; it is no wider than a
// wrapping label's.
func TestWrapTextHeightFollowsWidth(t *testing.T) {
	test.NewTempApp(t)
	step := remedySteps("ja")[0]
	label := widget.NewLabel(step)
	label.Wrapping = fyne.TextWrapWord
	w := newWrapText(step)
	win := test.NewTempWindow(t, container.NewVBox(w))
	heights := map[float32]float32{}
	for _, width := range []float32{720, 400, 1440, 720} {
		win.Resize(fyne.NewSize(width, 600))
		lines := drawnLines(w)
		one := lines[0].MinSize().Height
		if got, want := w.MinSize().Height, float32(len(lines))*one+2*theme.InnerPadding(); got != want {
			t.Errorf("width %v: %d lines, but the minimum height is %v, not %v", width, len(lines), got, want)
		}
		heights[width] = w.MinSize().Height
		label.Resize(w.Size())
		if got, want := w.MinSize().Width, label.MinSize().Width; got != want {
			t.Errorf("width %v: minimum width %v, a wrapping label's is %v", width, got, want)
		}
	}
	if !(heights[400] > heights[720] && heights[720] > heights[1440]) {
		t.Errorf("the minimum heights at 400, 720 and 1440 wide are %v", heights)
	}
}

// It looks as a wrapping label does: where both break at the same places (English), they draw
// the same pixels, in each style the window uses.
func TestWrapTextLooksLikeAWrappingLabel(t *testing.T) {
	test.NewTempApp(t)
	text := remedySteps("en")[0] + "\nA second line."
	for _, tc := range []struct {
		name string
		set  func(*wrapText, *widget.Label)
	}{
		{"plain", func(*wrapText, *widget.Label) {}},
		{"bold", func(w *wrapText, l *widget.Label) { w.TextStyle.Bold, l.TextStyle.Bold = true, true }},
		{"monospace", func(w *wrapText, l *widget.Label) { w.TextStyle.Monospace, l.TextStyle.Monospace = true, true }},
		{"warning", func(w *wrapText, l *widget.Label) {
			w.Importance, l.Importance = widget.WarningImportance, widget.WarningImportance
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newWrapText(text)
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			tc.set(w, l)
			var imgs []image.Image
			for _, o := range []fyne.CanvasObject{w, l} {
				win := test.NewTempWindow(t, o)
				win.Resize(fyne.NewSize(480, 200))
				imgs = append(imgs, win.Canvas().Capture())
			}
			if !samePixels(imgs[0], imgs[1]) {
				t.Error("the wrapped text does not look like a wrapping label")
			}
		})
	}
}

func samePixels(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

// A screen reader hears the whole text once, not its lines, and a new text when it changes.
func TestWrapTextIsHeardWhole(t *testing.T) {
	test.NewTempApp(t)
	step := remedySteps("ja")[0]
	w, lines := showWrapped(t, step, 720)
	els := a11yElements(container.NewVBox(w))
	if len(els) != 1 || els[0].label != step || els[0].role != fyne.AccessibleRoleText || len(lines) < 2 {
		t.Errorf("heard %+v for %d lines", els, len(lines))
	}
	w.SetText("はい。")
	if got := w.AccessibilityLabel(); got != "はい。" || drawnText(w) != "はい。" {
		t.Errorf("after SetText it says %q and shows %q", got, drawnText(w))
	}
}

// No label of the window wraps on its own: Fyne's wrapping breaks Japanese lines anywhere.
func TestNoLabelWrapsOnItsOwn(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(src, []byte("TextWrapWord")) || bytes.Contains(src, []byte("TextWrapBreak")) {
			t.Errorf("%s wraps a label with Fyne's wrapping: use newWrapText", f)
		}
	}
}
