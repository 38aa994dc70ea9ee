package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The keyboard focus is a ring in the text colour drawn around the focused control, in the
// gap between controls: plain in either theme (7:1 and more against the background), and
// unlike a high-importance button, which is filled, not ringed. Fyne marks focus only with a
// faint tint of the button or the field's border colour.

// focusRingWidth is the ring's line; focusRingGap its distance from the control: together
// within the theme's padding, so that the next control does not cover the ring.
const (
	focusRingWidth float32 = 2
	focusRingGap   float32 = 1
)

// focusRingColour is the ring's colour in theme th and variant v.
func focusRingColour(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	return th.Color(theme.ColorNameForeground, v)
}

// focusRing draws a ring around what inner draws while focused says so.
type focusRing struct {
	fyne.WidgetRenderer
	ring    *canvas.Rectangle
	focused func() bool
}

func newFocusRing(inner fyne.WidgetRenderer, focused func() bool) *focusRing {
	ring := canvas.NewRectangle(color.Transparent)
	ring.StrokeWidth = focusRingWidth
	ring.CornerRadius = theme.InputRadiusSize() + focusRingGap
	r := &focusRing{WidgetRenderer: inner, ring: ring, focused: focused}
	r.paint()
	return r
}

// Layout lays inner out and puts the ring around it.
func (r *focusRing) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	out := focusRingGap + focusRingWidth
	r.ring.Move(fyne.NewPos(-out, -out))
	r.ring.Resize(size.AddWidthHeight(2*out, 2*out))
}

// Objects are inner's and the ring, drawn last.
func (r *focusRing) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects()[:len(r.WidgetRenderer.Objects()):len(r.WidgetRenderer.Objects())], r.ring)
}

// Refresh redraws inner and shows the ring when focused.
func (r *focusRing) Refresh() {
	r.WidgetRenderer.Refresh()
	r.paint()
	r.ring.Refresh()
}

func (r *focusRing) paint() {
	r.ring.StrokeColor = focusRingColour(fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant())
	r.ring.Hidden = !r.focused()
}
