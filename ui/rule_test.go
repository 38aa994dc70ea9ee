package ui

import (
	"fmt"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestHomePageDrawsNoSquareRectangle: under software OpenGL, each of Fyne's shaders costs a
// first start tens of milliseconds to compile on its first use (README, Performance). The home
// page's buttons, fields and scroll bar are drawn with the rounded rectangle's; a rectangle with
// square corners (Fyne's separator, a plain canvas.Rectangle) would add its own shader to every
// first start.
func TestHomePageDrawsNoSquareRectangle(t *testing.T) {
	for _, language := range []string{"ja", "en"} {
		t.Run(language, func(t *testing.T) {
			h := newHarness(t, language, Deps{})
			rounded := 0
			for _, r := range drawnRectangles(h.s.win.Canvas().Content(), "") {
				if r.square {
					t.Errorf("a rectangle with square corners is drawn at %s", r.path)
				} else {
					rounded++
				}
			}
			if rounded == 0 {
				t.Fatal("the walk found no rectangle at all: it does not reach the page's widgets")
			}
		})
	}
}

type drawnRectangle struct {
	square bool
	path   string
}

// drawnRectangles are the visible rectangles under o that paint something, with the types on
// the way to each; unlike children, it walks a scroll's own bar and shadows too.
func drawnRectangles(o fyne.CanvasObject, path string) []drawnRectangle {
	if o == nil || !o.Visible() {
		return nil
	}
	path += fmt.Sprintf("/%T", o)
	if r, ok := o.(*canvas.Rectangle); ok {
		if transparent(r.FillColor) && (transparent(r.StrokeColor) || r.StrokeWidth == 0) {
			return nil
		}
		square := r.CornerRadius == 0 && r.TopLeftCornerRadius == 0 && r.TopRightCornerRadius == 0 &&
			r.BottomLeftCornerRadius == 0 && r.BottomRightCornerRadius == 0
		return []drawnRectangle{{square: square, path: path}}
	}
	var kids []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		kids = w.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(w).Objects()
	}
	var out []drawnRectangle
	for _, k := range kids {
		out = append(out, drawnRectangles(k, path)...)
	}
	return out
}

func transparent(c color.Color) bool {
	if c == nil {
		return true
	}
	_, _, _, a := c.RGBA()
	return a == 0
}
