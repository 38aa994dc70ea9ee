package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne's button answers only Space, and a focused widget swallows Escape before the window
// sees it. The window is meant to be used from the keyboard alone: Tab moves, Enter or Space
// activates, Escape goes back. These two widgets add that to Fyne's button and entry.

// button is a widget.Button that Enter activates too, and that passes Escape to the window.
type button struct {
	widget.Button
	escape func()
	ring   ringFocus
}

// newButton returns a button that calls tapped when it is tapped or activated from the
// keyboard, and escape on Escape.
func newButton(label string, icon fyne.Resource, escape func(), tapped func()) *button {
	b := &button{escape: escape}
	b.Text = label
	b.Icon = icon
	b.OnTapped = tapped
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer is the button's with a focus ring.
func (b *button) CreateRenderer() fyne.WidgetRenderer {
	return b.ring.renderer(b.Button.CreateRenderer())
}

// FocusGained rings the button and lets the page scroll it into view.
func (b *button) FocusGained() { b.Button.FocusGained(); b.ring.gained(b) }

// FocusLost takes the ring away.
func (b *button) FocusLost() { b.Button.FocusLost(); b.ring.lost(b) }

// TypedKey activates the button on Enter as well as Space.
func (b *button) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() {
			b.Tapped(nil)
		}
	case fyne.KeyEscape:
		if b.escape != nil {
			b.escape()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// entry is a widget.Entry that passes Escape to the window.
type entry struct {
	widget.Entry
	escape  func()
	ring    ringFocus
	name    string // what a screen reader calls the field
	private bool   // what is typed is not read out (the phone's code), as for a password
}

// newEntry returns a single-line entry; secret makes it a password entry whose text is masked
// and cannot be copied.
func newEntry(secret bool, escape func()) *entry {
	e := &entry{escape: escape}
	e.Password = secret
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// CreateRenderer is the entry's with a focus ring.
func (e *entry) CreateRenderer() fyne.WidgetRenderer {
	return e.ring.renderer(e.Entry.CreateRenderer())
}

// FocusGained rings the entry and lets the page scroll it into view.
func (e *entry) FocusGained() { e.Entry.FocusGained(); e.ring.gained(e) }

// FocusLost takes the ring away.
func (e *entry) FocusLost() { e.Entry.FocusLost(); e.ring.lost(e) }

// TypedKey goes back on Escape and otherwise edits as usual.
func (e *entry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.escape != nil {
		e.escape()
		return
	}
	e.Entry.TypedKey(ev)
}
