package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// sheet is a message over the page, with one button that closes it. Fyne's dialogs are
// pop-up widgets, and a screen reader does not hear what a widget holds: a sheet is made of
// containers only, laid over the window as an overlay (which takes every tap and the keyboard
// focus until it closes).
type sheet struct {
	canvas fyne.Canvas
	root   *fyne.Container
	closed func()
}

// closer is what can be over the page and closed by Escape or Back: a sheet or a Fyne dialog.
type closer interface{ Hide() }

// newSheet lays title, content and the buttons out on a panel in the middle of a dimmed page.
func newSheet(c fyne.Canvas, title string, content fyne.CanvasObject, buttons ...fyne.CanvasObject) *sheet {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	row := container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, buttons...)...)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	bg.StrokeColor = theme.Color(theme.ColorNameForeground)
	bg.StrokeWidth = 1
	box := container.NewStack(bg, container.NewPadded(container.NewBorder(heading, row, nil, nil, content)))
	dim := canvas.NewRectangle(color.NRGBA{A: 0x80}) // the page under the sheet recedes, in either theme
	return &sheet{canvas: c, root: container.NewStack(dim, container.NewCenter(box))}
}

// show puts the sheet over the window and gives focus its keyboard focus.
func (s *sheet) show(focus fyne.Focusable) {
	s.canvas.Overlays().Add(s.root)
	if focus != nil {
		s.canvas.Focus(focus)
	}
}

// Hide takes the sheet away.
func (s *sheet) Hide() {
	s.canvas.Overlays().Remove(s.root)
	if s.closed != nil {
		s.closed()
	}
}
