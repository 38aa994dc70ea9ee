package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// page is one screen of the window: home, checking, the wizard, the one-time-code screen, the
// report. Pages stack: a new one covers the last, Back (or Escape) uncovers it.
type page struct {
	title   string
	body    fyne.CanvasObject
	actions []fyne.CanvasObject // the bottom bar, trailing
	// focus is given the keyboard focus when the page shows, so that Enter does the page's
	// most likely next step.
	focus fyne.Focusable
	// leave is called once when the page is removed or the window closes: the one-time-code
	// screen forgets the secret there.
	leave func()
}

// shell is the window and its stack of pages.
type shell struct {
	app   fyne.App
	win   fyne.Window
	deps  Deps
	lang  string // "ja" or "en": the playbook's language
	pages []*page
	// scroll holds the current page's body.
	scroll *pageScroll
	// dialog is the sheet or dialog over the page, if any: Escape closes it before it goes back.
	dialog closer
	// do runs f on the UI thread (fyne.Do); tests run it on theirs.
	do func(f func())
	// slowAfter is how long a check runs before its row says it is taking a while.
	slowAfter time.Duration
	// phone is the person's phone, playbook.IOS or playbook.Android, once they said: steps
	// that differ by phone show that phone's only, and nobody is asked twice.
	phone string
	// region is the data centre the person chose (Deps.Region), "" until they did.
	region string
	// frame learns when the window's first frame is drawn; the page's scroll draws its bar and
	// shadows from then on (firstframe.go).
	frame *firstFrame
}

// newShell makes the window of a with its keyboard handling.
func newShell(a fyne.App, d Deps, language string) *shell {
	s := &shell{app: a, deps: d, lang: language, do: fyne.Do, slowAfter: stillCheckingAfter}
	s.frame = newFirstFrame(func(f func()) { s.do(f) }, func() {
		if s.scroll != nil {
			s.scroll.Refresh() // its bar and shadows come
		}
	})
	a.Settings().SetTheme(newAppTheme())
	s.win = a.NewWindow(lang.L("Sign-in Doctor"))
	c := s.win.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape {
			s.back()
		}
	})
	quit := func(fyne.Shortcut) { s.win.Close() }
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, quit)
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}, quit)
	s.win.SetOnClosed(func() {
		for len(s.pages) > 0 {
			s.pop()
		}
	})
	return s
}

// push shows p over the current page.
func (s *shell) push(p *page) {
	s.pages = append(s.pages, p)
	s.show()
}

// back closes the dialog, if one is open, or else removes the current page, unless it is
// the first.
func (s *shell) back() {
	if s.dialog != nil {
		s.dialog.Hide()
		return
	}
	if len(s.pages) < 2 {
		return
	}
	s.pop()
	s.show()
}

// home goes back to the first page.
func (s *shell) home() {
	for len(s.pages) > 1 {
		s.pop()
	}
	s.show()
}

// current returns the page on top.
func (s *shell) current() *page {
	if len(s.pages) == 0 {
		return nil
	}
	return s.pages[len(s.pages)-1]
}

func (s *shell) pop() {
	p := s.pages[len(s.pages)-1]
	s.pages[len(s.pages)-1] = nil
	s.pages = s.pages[:len(s.pages)-1]
	if p.leave != nil {
		p.leave()
	}
}

// show puts the current page in the window and focuses its default control.
func (s *shell) show() {
	p := s.current()
	if p == nil {
		return
	}
	title := heading(p.title)
	var top fyne.CanvasObject = title
	if len(s.pages) > 1 {
		top = container.NewBorder(nil, nil, s.button(lang.L("Back"), theme.NavigateBackIcon(), s.back), nil, title)
	}
	var bottom fyne.CanvasObject
	if len(p.actions) > 0 {
		bottom = container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, p.actions...)...)
	}
	s.scroll = newPageScroll(p.body, s.frame)
	body := newScrollMirror(s.scroll) // a screen reader hears the body too
	s.win.SetContent(container.NewBorder(container.NewVBox(top, container.NewStack(newRule(), s.frame.Raster)), bottom, nil, nil, body))
	if p.focus != nil {
		s.win.Canvas().Focus(p.focus)
	} else {
		s.win.Canvas().Unfocus()
	}
}

// showDialog shows d over the page, focusing focus (its default button) so that Enter and
// Escape work in it too.
func (s *shell) showDialog(d dialog.Dialog, focus fyne.Focusable) {
	s.dialog = d
	d.SetOnClosed(func() {
		if s.dialog == d {
			s.dialog = nil
		}
	})
	d.Show()
	if focus != nil {
		s.win.Canvas().Focus(focus)
	}
}

// showSheet shows sh over the page, focusing focus (its default button).
func (s *shell) showSheet(sh *sheet, focus fyne.Focusable) {
	s.dialog = sh
	sh.closed = func() {
		if s.dialog == sh {
			s.dialog = nil
		}
	}
	sh.show(focus)
}

// button returns a keyboard-friendly button whose Escape goes back and which scrolls into
// view when it gets the focus.
func (s *shell) button(label string, icon fyne.Resource, tapped func()) *button {
	b := newButton(label, icon, s.back, tapped)
	b.ring.focused = s.reveal
	return b
}

// entry returns a keyboard-friendly entry called name (a screen reader says it) whose Escape
// goes back.
func (s *shell) entry(name string, secret bool) *entry {
	e := newEntry(secret, s.back)
	e.name = name
	e.ring.focused = s.reveal
	return e
}

// fields lays out labelled fields, a name beside each, as a form does. (A widget.Form would do
// it too, but a screen reader does not hear what a widget holds: this is a container.)
func fields(nameAndField ...fyne.CanvasObject) *fyne.Container {
	return container.New(layout.NewFormLayout(), nameAndField...)
}

// panel sets content apart on a background of its own, as a card does (and, unlike a
// widget.Card, in a container, so that a screen reader hears what it holds).
func panel(content fyne.CanvasObject) *fyne.Container {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(bg, container.NewPadded(content))
}

// fieldName is the name shown beside a field.
func fieldName(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
}

// reveal scrolls the page so that o, which has just got the keyboard focus, is in view: Fyne's
// scroll does not follow the focus, and a keyboard user must see where it is.
func (s *shell) reveal(o fyne.CanvasObject) {
	if s.scroll == nil || !holds(s.scroll.Content, o) {
		return
	}
	d := s.app.Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.scroll.Content).Y
	offset, view := s.scroll.Offset.Y, s.scroll.Size().Height
	switch {
	case top < offset:
		offset = top
	case top+o.Size().Height > offset+view:
		offset = top + o.Size().Height - view
	default:
		return
	}
	s.scroll.ScrollToOffset(fyne.NewPos(s.scroll.Offset.X, offset))
}

// holds reports whether o is in the container tree under parent.
func holds(parent, o fyne.CanvasObject) bool {
	if parent == o {
		return true
	}
	if c, ok := parent.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if holds(child, o) {
				return true
			}
		}
	}
	return false
}
