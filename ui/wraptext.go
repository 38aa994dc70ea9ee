package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/ui/internal/linebreak"
)

var (
	_ fyne.Widget     = (*wrapText)(nil)
	_ fyne.Accessible = (*wrapText)(nil)
)

// wrapText is text wrapped to its width as Japanese is set (ui/internal/linebreak): no line
// starts with 。、）」 or a small kana, none ends with （「. It looks as a wrapping widget.Label
// does, because a label draws it: the lines are found here for each width and handed to the
// label, which does not wrap, joined by line breaks. Its minimum height follows the width it
// was last given, as a wrapping label's does.
type wrapText struct {
	widget.BaseWidget
	Text       string
	TextStyle  fyne.TextStyle
	Importance widget.Importance
	Selectable bool

	label  *widget.Label
	breaks *linebreak.Text    // Text analysed, made again when Text changes
	lines  map[float32]string // the label's text for each width, while Text and the look stay
	cached wrapKey            // what lines was made for
}

// wrapKey is what a text's lines depend on besides the width.
type wrapKey struct {
	text  string
	style fyne.TextStyle
	size  float32
}

// wrapWidths is how many widths' lines a wrapText keeps: a window being resized makes a new
// width at every step, and the old ones are seldom met again.
const wrapWidths = 8

func newWrapText(text string) *wrapText {
	w := &wrapText{Text: text}
	w.ExtendBaseWidget(w)
	return w
}

// SetText shows text instead.
func (w *wrapText) SetText(text string) {
	w.Text = text
	w.Refresh()
}

// AccessibilityLabel is the whole text: a screen reader reads it, not its lines.
func (w *wrapText) AccessibilityLabel() string { return w.Text }

// AccessibilityRole is text.
func (w *wrapText) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

func (w *wrapText) CreateRenderer() fyne.WidgetRenderer {
	w.label = widget.NewLabel("")
	r := &wrapRenderer{w: w}
	r.Refresh()
	return r
}

// wrapped is the label's text at the widget's width: its lines, without the spaces that end
// them, one a line.
func (w *wrapText) wrapped(width float32) string {
	th := w.Theme()
	key := wrapKey{w.Text, w.TextStyle, th.Size(theme.SizeNameText)}
	if key != w.cached || len(w.lines) >= wrapWidths {
		if key.text != w.cached.text || w.breaks == nil {
			w.breaks = linebreak.Analyse(key.text)
		}
		w.cached, w.lines = key, map[float32]string{}
	}
	if s, ok := w.lines[width]; ok {
		return s
	}
	measure := func(s string) float32 { return fyne.MeasureText(s, key.size, key.style).Width }
	lines := w.breaks.Lines(width-2*th.Size(theme.SizeNameInnerPadding), measure)
	for i, l := range lines {
		lines[i] = linebreak.Drawn(l)
	}
	s := strings.Join(lines, "\n")
	w.lines[width] = s
	return s
}

// wrapRenderer lays the label out over the whole widget, with the lines for its width.
type wrapRenderer struct {
	w   *wrapText
	pad float32 // the theme's inner padding, as of the last refresh: MinSize is asked every frame
}

func (r *wrapRenderer) Layout(size fyne.Size) {
	r.fit(size.Width)
	r.w.label.Resize(size)
}

// MinSize is as narrow as a wrapping label's, and as tall as the lines at the present width.
func (r *wrapRenderer) MinSize() fyne.Size {
	return fyne.NewSize(2*r.pad, r.w.label.MinSize().Height)
}

func (r *wrapRenderer) Refresh() {
	r.pad = r.w.Theme().Size(theme.SizeNameInnerPadding)
	l := r.w.label
	l.TextStyle, l.Importance, l.Selectable = r.w.TextStyle, r.w.Importance, r.w.Selectable
	if !r.fit(r.w.Size().Width) {
		l.Refresh()
	}
}

// fit gives the label the lines for width; it reports whether they changed (and the label
// was refreshed).
func (r *wrapRenderer) fit(width float32) bool {
	text := r.w.wrapped(width)
	if text == r.w.label.Text {
		return false
	}
	r.w.label.SetText(text)
	return true
}

func (r *wrapRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.w.label} }

func (r *wrapRenderer) Destroy() {}
