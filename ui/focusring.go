package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The keyboard focus is a ring in the text colour drawn on the focused control's edge, inside
// it, so that neither a scroll's edge nor the next control cuts it off: plain in either theme
// (7:1 and more against the background), and unlike a high-importance button, which is
// filled, not ringed. Fyne marks focus only with a faint tint of the button or the field's
// border colour.

// focusRingWidth is the ring's line.
const focusRingWidth float32 = 2

// focusRingColour is the ring's colour in theme th and variant v.
func focusRingColour(th fyne.Theme, v fyne.ThemeVariant) color.Color {
	return th.Color(theme.ColorNameForeground, v)
}

// ringFocus is what a ringed control keeps of the keyboard focus: whether it has it, for the
// ring, and whom to tell when it comes (the page, to scroll the control into view). The
// control's FocusGained and FocusLost call Fyne's own, then gained or lost.
type ringFocus struct {
	hasFocus bool
	focused  func(fyne.CanvasObject)
}

// renderer is inner, its rectangles drawn as surfaces, with the ring drawn while the control
// has the focus.
func (f *ringFocus) renderer(inner fyne.WidgetRenderer) fyne.WidgetRenderer {
	return newFocusRing(newSurfaced(inner), func() bool { return f.hasFocus })
}

// gained rings w and tells the page.
func (f *ringFocus) gained(w fyne.Widget) {
	f.hasFocus = true
	w.Refresh()
	if f.focused != nil {
		f.focused(w)
	}
}

// lost takes w's ring away.
func (f *ringFocus) lost(w fyne.Widget) {
	f.hasFocus = false
	w.Refresh()
}

// focusRing draws a ring around what inner draws while focused says so. The ring is a surface
// (surface.go), as the control's own background is.
type focusRing struct {
	fyne.WidgetRenderer
	ring    *surface
	focused func() bool
}

func newFocusRing(inner fyne.WidgetRenderer, focused func() bool) *focusRing {
	r := &focusRing{WidgetRenderer: inner, ring: newSurface(), focused: focused}
	r.paint()
	return r
}

// Layout lays inner out and puts the ring half a line inside the control's edge.
func (r *focusRing) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	in := focusRingWidth / 2
	r.ring.place(fyne.NewPos(in, in), size.SubtractWidthHeight(2*in, 2*in))
}

// Objects are inner's and the ring, drawn last.
func (r *focusRing) Objects() []fyne.CanvasObject {
	inner := r.WidgetRenderer.Objects()
	return append(inner[:len(inner):len(inner)], r.ring.Raster)
}

// Refresh redraws inner and shows the ring when focused.
func (r *focusRing) Refresh() {
	r.WidgetRenderer.Refresh()
	r.paint()
	r.ring.Refresh()
}

func (r *focusRing) paint() {
	r.ring.setLook(rectLook{
		stroke:      rgba64(focusRingColour(fyne.CurrentApp().Settings().Theme(), fyne.CurrentApp().Settings().ThemeVariant())),
		strokeWidth: focusRingWidth,
		radius:      theme.InputRadiusSize(),
	})
	r.ring.Hidden = !r.focused()
}
