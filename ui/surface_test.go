package ui

import (
	"fmt"
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// paintRoundedBox works out only the pixels near the edge; every pixel must still be the one
// boxPixel gives it.
func TestPaintRoundedBoxIsEveryPixelsOwn(t *testing.T) {
	grey := rgba64(color.NRGBA{R: 40, G: 41, B: 46, A: 255})
	ring := rgba64(color.NRGBA{R: 230, G: 230, B: 230, A: 200})
	for _, tc := range []struct {
		w, h  int
		look  rectLook
		scale float64
	}{
		{714, 38, rectLook{fill: grey, radius: 5}, 1},
		{714, 38, rectLook{fill: grey, radius: 5}, 2},
		{640, 36, rectLook{fill: grey, stroke: ring, strokeWidth: 1, radius: 5}, 1},
		{300, 40, rectLook{stroke: ring, strokeWidth: 2, radius: 5}, 1.25},
		{720, 1, rectLook{fill: grey}, 1},
		{200, 30, rectLook{fill: grey, stroke: ring, strokeWidth: 2}, 2},
		{40, 40, rectLook{fill: grey, stroke: ring, strokeWidth: 3, radius: 20}, 1.5},
		{9, 5, rectLook{fill: grey, radius: 2}, 3},
	} {
		t.Run(fmt.Sprintf("%dx%d@%g", tc.w, tc.h, tc.scale), func(t *testing.T) {
			pad := int(tc.scale + 0.5)
			bounds := image.Rect(0, 0, tc.w+2*pad, tc.h+2*pad)
			box := image.Rect(pad, pad, pad+tc.w, pad+tc.h)
			img := image.NewRGBA(bounds)
			paintRoundedBox(img, box, tc.look, tc.scale)
			at := boxPixel(box, tc.look, tc.scale)
			wrong := 0
			for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
				for x := bounds.Min.X; x < bounds.Max.X; x++ {
					if got, want := img.RGBAAt(x, y), at(x, y); got != want {
						if wrong++; wrong <= 3 {
							t.Errorf("pixel (%d, %d) is %v, want %v", x, y, got, want)
						}
					}
				}
			}
			if centre := img.RGBAAt(box.Min.X+box.Dx()/2, box.Min.Y+box.Dy()/2); tc.look.fill.A != 0 && centre != premultiply(straight(tc.look.fill), 1) {
				t.Errorf("the middle is %v, not the fill", centre)
			}
		})
	}
}

// A button's background is a surface that shows what Fyne's own rectangle would, also as the
// pointer comes over it; the tap flash, which Fyne animates, stays Fyne's rectangle.
func TestASurfaceFollowsItsRectangle(t *testing.T) {
	test.NewTempApp(t)
	b := newButton("Copy the command", nil, nil, nil)
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(300, 60))
	objects := test.WidgetRenderer(b).Objects()
	inner := test.WidgetRenderer(b).(*focusRing).WidgetRenderer.(*surfaced)

	var bg *canvas.Rectangle
	left := 0
	for rect, s := range inner.surfaces {
		if s == nil {
			left++
			continue
		}
		bg = rect
	}
	if bg == nil || left != 1 {
		t.Fatalf("%d rectangles taken over, %d left to Fyne; want the background taken and the tap flash left", len(inner.surfaces)-left, left)
	}
	for _, o := range objects {
		if o == fyne.CanvasObject(bg) {
			t.Fatal("the background rectangle is still drawn")
		}
	}
	middle := func() color.RGBA {
		s := inner.surfaces[bg]
		size := s.Size()
		img := s.Generator(int(size.Width), int(size.Height)).(*image.RGBA)
		return img.RGBAAt(img.Bounds().Dx()/2, img.Bounds().Dy()/2)
	}
	for _, step := range []struct {
		name string
		do   func()
	}{{"at rest", func() {}}, {"under the pointer", func() { b.MouseIn(&desktop.MouseEvent{}) }}} {
		step.do()
		want := color.RGBAModel.Convert(bg.FillColor).(color.RGBA)
		if got := middle(); got != want {
			t.Errorf("%s the surface is %v, Fyne's rectangle %v", step.name, got, want)
		}
	}
	if middle() == color.RGBAModel.Convert(theme.Color(theme.ColorNameButton)).(color.RGBA) {
		t.Error("under the pointer the surface kept the colour it has at rest")
	}
}

// Mesa's software renderer compiles a shader variant of its own for a texture with a side that
// is a power of two: no surface, nor the first frame's sentinel, is drawn with one.
func TestNoSurfaceSideIsAPowerOfTwo(t *testing.T) {
	test.NewTempApp(t)
	for _, tc := range []struct {
		pos  fyne.Position
		size fyne.Size
	}{
		{fyne.NewPos(0, 0), fyne.NewSize(62, 30)},       // 64 wide with its pad
		{fyne.NewPos(4.5, 3.25), fyne.NewSize(125, 61)}, // 128 by 64 once rounded out
		{fyne.NewPos(0, 0), fyne.NewSize(712, 1)},       // the rule: 714 by 3
		{fyne.NewPos(1, 1), fyne.NewSize(0, 0)},
	} {
		s := newSurface()
		s.place(tc.pos, tc.size)
		for _, side := range []float32{s.Size().Width, s.Size().Height} {
			if i := int(side); i&(i-1) == 0 {
				t.Errorf("a rectangle of %v at %v gets a surface of %v", tc.size, tc.pos, s.Size())
			}
		}
		if s.Size().Width < tc.size.Width+2*surfacePad || s.Size().Height < tc.size.Height+2*surfacePad {
			t.Errorf("the surface of %v is %v: it does not hold the rectangle and its soft edge", tc.size, s.Size())
		}
	}
	f := newFirstFrame(func(func()) {}, func() {})
	img := f.Generator(712, 1)
	for _, side := range []int{img.Bounds().Dx(), img.Bounds().Dy()} {
		if side&(side-1) == 0 {
			t.Errorf("the first frame's sentinel is drawn as a %v image", img.Bounds().Size())
		}
	}
}
