package ui

import (
	"fmt"
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// TestTheHomePagesFirstFrameNeedsOnlyTheTextShader: under software OpenGL each of Fyne's shaders
// costs a first start tens of milliseconds to compile on its first use (README, Performance).
// The home page's first frame needs only the one text is drawn with: buttons, the field, the
// focus ring and the rule are surfaces (images), and the scroll's bar (Fyne's rounded
// rectangle) and its shadows (gradients a pixel across, a shader variant of their own) come
// with the frame after the first.
func TestTheHomePagesFirstFrameNeedsOnlyTheTextShader(t *testing.T) {
	for _, language := range []string{"ja", "en"} {
		t.Run(language, func(t *testing.T) {
			h := newHarness(t, language, Deps{})
			content := h.s.win.Canvas().Content()
			for _, r := range drawnRectangles(content, "") {
				t.Errorf("before the first frame a rectangle is drawn at %s", r.path)
			}
			if n := surfaces(content); n < 10 {
				t.Fatalf("the walk found %d surfaces: it does not reach the page's buttons", n)
			}
			if n := gradients(content); n != 0 {
				t.Errorf("before the first frame %d of the scroll's shadows are drawn", n)
			}

			h.s.win.Canvas().Capture() // the first frame
			h.pump("the first frame to be seen", h.s.frame.isDrawn)
			bar := false
			for _, r := range drawnRectangles(content, "") {
				if strings.HasSuffix(r.path, "/*widget.scrollBar/*canvas.Rectangle") {
					bar = true
				} else {
					t.Errorf("after the first frame a rectangle is drawn at %s", r.path)
				}
			}
			if !bar {
				t.Error("after the first frame the page's scroll bar is not drawn")
			}
			if gradients(content) == 0 {
				t.Error("after the first frame the shadow at the scroll's lower edge is not drawn")
			}
		})
	}
}

// surfaces counts the surfaces (rasters) drawn under o.
func surfaces(o fyne.CanvasObject) int {
	return countDrawn[*canvas.Raster](o)
}

// gradients counts the gradients drawn under o: the scroll's shadows.
func gradients(o fyne.CanvasObject) int {
	return countDrawn[*canvas.LinearGradient](o)
}

func countDrawn[T fyne.CanvasObject](o fyne.CanvasObject) int {
	n := 0
	walkDrawn(o, "", func(o fyne.CanvasObject, _ string) {
		if _, ok := o.(T); ok {
			n++
		}
	})
	return n
}

type drawnRectangle struct {
	square bool
	path   string
}

// drawnRectangles are the visible rectangles under o that paint something, with the types on
// the way to each.
func drawnRectangles(o fyne.CanvasObject, path string) []drawnRectangle {
	var out []drawnRectangle
	walkDrawn(o, path, func(o fyne.CanvasObject, path string) {
		r, ok := o.(*canvas.Rectangle)
		if !ok || transparent(r.FillColor) && (transparent(r.StrokeColor) || r.StrokeWidth == 0) {
			return
		}
		square := r.CornerRadius == 0 && r.TopLeftCornerRadius == 0 && r.TopRightCornerRadius == 0 &&
			r.BottomLeftCornerRadius == 0 && r.BottomRightCornerRadius == 0
		out = append(out, drawnRectangle{square: square, path: path})
	})
	return out
}

// walkDrawn calls visit with each visible object under o that Fyne would draw and the types
// on the way to it; unlike children, it walks a scroll's own bar and shadows too.
func walkDrawn(o fyne.CanvasObject, path string, visit func(fyne.CanvasObject, string)) {
	if o == nil || !o.Visible() {
		return
	}
	path += fmt.Sprintf("/%T", o)
	var kids []fyne.CanvasObject
	switch w := o.(type) {
	case *fyne.Container:
		kids = w.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(w).Objects()
	default:
		visit(o, path)
	}
	for _, k := range kids {
		walkDrawn(k, path, visit)
	}
}

func transparent(c color.Color) bool {
	if c == nil {
		return true
	}
	_, _, _, a := c.RGBA()
	return a == 0
}
