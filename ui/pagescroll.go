package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// pageScroll is the page's scroll: Fyne's, but its bar and its edge shadows are drawn from the
// second frame on (firstframe.go). The bar is a rounded rectangle, a shader of its own; a
// shadow is a gradient one pixel across, and Mesa's software renderer compiles a shader
// variant of its own, about 17 ms, for a texture with a side that is a power of two.
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

// CreateRenderer is Fyne's, without the bar and the shadows until the first frame is drawn.
func (s *pageScroll) CreateRenderer() fyne.WidgetRenderer {
	return &afterFirstFrame{WidgetRenderer: s.Scroll.CreateRenderer(), frame: s.frame}
}

type afterFirstFrame struct {
	fyne.WidgetRenderer
	frame *firstFrame
}

// Objects are the scroll's, and before the first frame only its content.
func (r *afterFirstFrame) Objects() []fyne.CanvasObject {
	all := r.WidgetRenderer.Objects()
	if r.frame.isDrawn() {
		return all
	}
	objects := make([]fyne.CanvasObject, 0, len(all))
	for _, o := range all {
		if !barOrShadow(o) {
			objects = append(objects, o)
		}
	}
	return objects
}

// barOrShadow reports whether o is a scroll bar or a shadow of Fyne's scroll (types of Fyne's
// internals: TestTheHomePagesFirstFrameNeedsOnlyTheTextShader fails if they are renamed).
func barOrShadow(o fyne.CanvasObject) bool {
	switch fmt.Sprintf("%T", o) {
	case "*widget.scrollBarArea", "*widget.Shadow":
		return true
	}
	return false
}
