package ui

import (
	"image"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2/canvas"
)

// The page's scroll bar and shadows are the only things on the home page that Fyne draws with
// a shader other than the texture shader text is drawn with; everything else there is text,
// icons and surfaces (surface.go). Under software OpenGL each further shader is compiled with
// LLVM the first time it draws, 17–90 ms of a first start (README, Performance). So the first
// frame is drawn without them and they come with the next one (pagescroll.go). The person
// reads the page that much sooner; the bar follows within a frame where the graphics have a
// GPU and within the compile where they do not.

// firstFrame learns when the window's first frame is drawn: it is a transparent image put in
// the window, whose generator Fyne calls while it draws that frame.
type firstFrame struct {
	*canvas.Raster
	drawn atomic.Bool
	once  sync.Once
	do    func(func()) // runs a function on the UI thread after the frame being drawn
	after func()       // called on the UI thread once the first frame is drawn
}

func newFirstFrame(do func(func()), after func()) *firstFrame {
	f := &firstFrame{do: do, after: after}
	f.Raster = canvas.NewRaster(f.generate)
	return f
}

// generate is called by Fyne's painter, in the middle of a frame: what follows the frame is
// queued for after it.
func (f *firstFrame) generate(int, int) image.Image {
	f.once.Do(func() {
		f.do(func() {
			f.drawn.Store(true)
			f.after()
		})
	})
	// Transparent, and 3 pixels a side: for a texture with a side that is a power of two (1
	// is one) Mesa's software renderer compiles a shader variant of its own.
	return image.NewRGBA(image.Rect(0, 0, 3, 3))
}

// isDrawn reports whether the first frame has been drawn.
func (f *firstFrame) isDrawn() bool { return f.drawn.Load() }
