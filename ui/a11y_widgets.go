package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/checks"
)

// The labels and roles a screen reader hears for the window's own widgets, and for the Fyne
// widgets that do not say themselves (Fyne 2.8 labels only its button, label and hyperlink).

var (
	_ fyne.Accessible = (*entry)(nil)
	_ fyne.Accessible = (*doneBox)(nil)
	_ fyne.Accessible = (*spokenLabel)(nil)
	_ fyne.Accessible = (*picture)(nil)
	_ fyne.Accessible = (*checkRow)(nil)
)

// AccessibilityLabel names the field and says what is in it. A secret's field says that it is
// a password field and never what was typed; a private field (the phone's code) says neither.
func (e *entry) AccessibilityLabel() string {
	name := e.name
	switch {
	case e.Password:
		return lang.L("{{.Name}}: password field, what you type is not read out", map[string]any{"Name": name})
	case e.private:
		return lang.L("{{.Name}}: edit field, what you type is not read out", map[string]any{"Name": name})
	case e.Text == "":
		return lang.L("{{.Name}}: edit field, empty. {{.Hint}}", map[string]any{"Name": name, "Hint": e.PlaceHolder})
	}
	return lang.L("{{.Name}}: edit field: {{.Text}}", map[string]any{"Name": name, "Text": e.Text})
}

// AccessibilityRole is text: Fyne 2.8 has no role for an edit field, so the label says it.
func (e *entry) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// doneBox is a step's "Done" box; a screen reader hears which step it ticks off and whether it
// is ticked.
type doneBox struct {
	widget.Check
	step int
	ring ringFocus
}

func newDoneBox(step int, checked bool, changed func(bool)) *doneBox {
	b := &doneBox{step: step}
	b.Text = lang.L("Done")
	b.Checked = checked
	b.OnChanged = changed
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer is the box's with a focus ring.
func (b *doneBox) CreateRenderer() fyne.WidgetRenderer {
	return b.ring.renderer(b.Check.CreateRenderer())
}

// FocusGained rings the box and lets the page scroll it into view.
func (b *doneBox) FocusGained() { b.Check.FocusGained(); b.ring.gained(b) }

// FocusLost takes the ring away.
func (b *doneBox) FocusLost() { b.Check.FocusLost(); b.ring.lost(b) }

// AccessibilityLabel says the step and the box's state.
func (b *doneBox) AccessibilityLabel() string {
	if b.Checked {
		return lang.L("Step {{.N}} done: ticked", map[string]any{"N": b.step})
	}
	return lang.L("Step {{.N}} done: not ticked", map[string]any{"N": b.step})
}

// AccessibilityRole is a button: Space ticks it.
func (b *doneBox) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleButton }

// spokenLabel is a label that a screen reader hears in other words than it shows: a step's
// number "2." is heard as "Step 2, the current step".
type spokenLabel struct {
	widget.Label
	spoken string
}

func newSpokenLabel(text, spoken string, style fyne.TextStyle) *spokenLabel {
	l := &spokenLabel{spoken: spoken}
	l.Text = text
	l.TextStyle = style
	l.Alignment = fyne.TextAlignTrailing
	l.ExtendBaseWidget(l)
	return l
}

// AccessibilityLabel is what the screen reader says.
func (l *spokenLabel) AccessibilityLabel() string { return l.spoken }

// AccessibilityRole is text.
func (l *spokenLabel) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// picture is an image that says what it shows.
type picture struct {
	widget.BaseWidget
	image  *canvas.Image
	spoken string
}

func newPicture(image *canvas.Image, spoken string) *picture {
	p := &picture{image: image, spoken: spoken}
	p.ExtendBaseWidget(p)
	return p
}

func (p *picture) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(p.image) }

// AccessibilityLabel says what the picture shows.
func (p *picture) AccessibilityLabel() string { return p.spoken }

// AccessibilityRole is text.
func (p *picture) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// AccessibilityLabel says the check, its verdict in words and what it found: "Computer clock:
// problem. The clock is 95 s ahead" — the sign alone is only a shape and a colour.
func (r *checkRow) AccessibilityLabel() string {
	var state string
	switch r.state {
	case rowWaiting, rowRunning, rowSlow:
		state = r.line.Text
	default:
		state = statusWord(r.status) + ". " + r.summary
	}
	return strings.TrimSpace(r.name.Text + ": " + state)
}

// AccessibilityRole is text.
func (r *checkRow) AccessibilityRole() fyne.AccessibleRole { return fyne.AccessibleRoleText }

// statusWord is a check's verdict in words, for whoever cannot see its sign.
func statusWord(s checks.Status) string {
	switch s {
	case checks.OK:
		return lang.L("in order")
	case checks.Warn:
		return lang.L("warning")
	case checks.Fail:
		return lang.L("problem")
	case checks.Skipped:
		return lang.L("not run")
	}
	return lang.L("could not tell")
}
