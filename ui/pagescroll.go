package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// pageScroll is the page's scroll: Fyne's, but its edge shadows, like its bar (firstframe.go),
// are drawn from the second frame on. A shadow is a gradient one pixel across, and Mesa's
// software renderer compiles a shader variant of its own, about 17 ms, for a texture with a
// side that is a power of two; nothing else on the home page's first frame has one.
type pageScroll struct {
	container.Scroll
	frame *firstFrame
}

func newPageScroll(content fyne.CanvasObject, frame *firstFrame) *pageScroll {
	s := &pageScroll{frame: frame}
	s.Direction = container.ScrollVerticalOnly
	s.Content = content
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer is Fyne's, without the shadows until the first frame is drawn.
func (s *pageScroll) CreateRenderer() fyne.WidgetRenderer {
	return &shadowsLater{WidgetRenderer: s.Scroll.CreateRenderer(), frame: s.frame}
}

type shadowsLater struct {
	fyne.WidgetRenderer
	frame *firstFrame
}

// Objects are the scroll's, and before the first frame without its shadows.
func (r *shadowsLater) Objects() []fyne.CanvasObject {
	all := r.WidgetRenderer.Objects()
	if r.frame.isDrawn() {
		return all
	}
	objects := make([]fyne.CanvasObject, 0, len(all))
	for _, o := range all {
		if !isScrollShadow(o) {
			objects = append(objects, o)
		}
	}
	return objects
}

// isScrollShadow reports whether o is one of the shadows Fyne's scroll draws at its edges
// (a type of Fyne's internals: TestTheHomePagesFirstFrameNeedsOnlyTheTextShader fails if it is
// renamed).
func isScrollShadow(o fyne.CanvasObject) bool {
	return fmt.Sprintf("%T", o) == "*widget.Shadow"
}
