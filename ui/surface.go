package ui

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
)

// A surface is a rounded rectangle — a fill, an edge line, or both — drawn as an image where
// Fyne would draw a canvas.Rectangle with its own shader. Under software OpenGL (Mesa's
// llvmpipe: a virtual machine, a remote desktop, a PC without a GPU driver) each of Fyne's
// shaders is compiled with LLVM the first time it draws, 70–90 ms of a first start (README,
// Performance). An image is drawn with the texture shader that text needs anyway, so a home
// page whose buttons, field and focus ring are surfaces shows its first frame without
// waiting for a compile.
//
// The pixels are those of Fyne's rounded-rectangle shader: the signed distance of each pixel
// from the rounded box, an edge softened over one pixel, the line inside the edge. They are
// computed on the CPU when the size or the look changes, not every frame.
type surface struct {
	*canvas.Raster
	look rectLook
	// box is the rectangle's place within the raster's: the raster covers whole units, a unit
	// more than the rectangle on each side.
	boxAt   fyne.Position
	boxSize fyne.Size
}

// rectLook is what a surface draws, in device-independent units.
type rectLook struct {
	fill, stroke color.RGBA64 // premultiplied, as color.Color's RGBA gives them
	strokeWidth  float32
	radius       float32
}

// surfacePad is how much larger than its rectangle a surface's image is on each side: Fyne
// softens an edge over a pixel either side of it, and at least a pixel is a unit.
const surfacePad float32 = 1

func newSurface() *surface {
	s := &surface{}
	s.Raster = canvas.NewRaster(s.draw)
	return s
}

// place puts the surface over a rectangle of the given position and size. The raster itself
// is put at whole units, so that its image's pixels are the screen's (at whole scales) rather
// than stretched by a fraction of a pixel, and no side of it is a power of two: Mesa's
// software renderer compiles a shader variant of its own (about 17 ms) for such a texture.
func (s *surface) place(pos fyne.Position, size fyne.Size) {
	x0, y0 := floor32(pos.X)-surfacePad, floor32(pos.Y)-surfacePad
	w := notPowerOfTwo(ceil32(pos.X+size.Width) + surfacePad - x0)
	h := notPowerOfTwo(ceil32(pos.Y+size.Height) + surfacePad - y0)
	s.boxAt, s.boxSize = fyne.NewPos(pos.X-x0, pos.Y-y0), size
	s.Move(fyne.NewPos(x0, y0))
	s.Resize(fyne.NewSize(w, h))
}

func floor32(v float32) float32 { return float32(math.Floor(float64(v))) }
func ceil32(v float32) float32  { return float32(math.Ceil(float64(v))) }

// notPowerOfTwo is n whole units, one more where n is a power of two (at a scale of 1 or 2,
// the pixels are then not one either).
func notPowerOfTwo(n float32) float32 {
	if i := int(n); i > 0 && i&(i-1) == 0 {
		return n + 1
	}
	return n
}

// lookOf is how Fyne would draw r (its corners all r.CornerRadius, without a shadow).
func lookOf(r *canvas.Rectangle) rectLook {
	return rectLook{fill: rgba64(r.FillColor), stroke: rgba64(r.StrokeColor), strokeWidth: r.StrokeWidth, radius: r.CornerRadius}
}

func rgba64(c color.Color) color.RGBA64 {
	if c == nil {
		return color.RGBA64{}
	}
	return color.RGBA64Model.Convert(c).(color.RGBA64)
}

// setLook draws look from now on, redrawing the image only when it changed.
func (s *surface) setLook(look rectLook) {
	if look == s.look {
		return
	}
	s.look = look
	s.Raster.Refresh()
}

// follow takes r's place: its look, position, size and visibility.
func (s *surface) follow(r *canvas.Rectangle) {
	s.setLook(lookOf(r))
	s.place(r.Position(), r.Size())
	s.Hidden = r.Hidden
}

// draw is the raster's generator: the look at w×h pixels.
func (s *surface) draw(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	size := s.Size()
	if size.Width <= 0 || w <= 0 || h <= 0 {
		return img
	}
	scale := float64(w) / float64(size.Width)
	px := func(v float32) int { return int(math.Round(float64(v) * scale)) }
	// As Fyne's painter does: the position rounded to a pixel, and the size on its own.
	at := image.Pt(px(s.boxAt.X), px(s.boxAt.Y))
	box := image.Rectangle{Min: at, Max: at.Add(image.Pt(px(s.boxSize.Width), px(s.boxSize.Height)))}
	paintRoundedBox(img, box, s.look, scale)
	return img
}

// paintRoundedBox paints look into img over box, at scale pixels per unit, as Fyne's OpenGL
// painter draws a rounded rectangle: the radius at most half the shorter side, the line inside
// the box, and coverage falling off over a pixel (half a unit) either side of each edge; and
// with a radius of 0, as it draws a rectangle with square corners, with hard edges.
//
// Only pixels near the edge are worked out one by one. Further in than the corner, the line
// and the softening reach, a pixel is the colour of its row's middle pixel, and a row the
// colour of the middle row (the rows and columns of a box differ only near its edges).
func paintRoundedBox(img *image.RGBA, box image.Rectangle, look rectLook, scale float64) {
	at := boxPixel(box, look, scale)
	inner := int(math.Ceil(math.Round(float64(look.radius)*scale)+math.Round(float64(look.strokeWidth)*scale)+2*math.Round(0.5*scale))) + 1
	far := func(v, lo, hi int) bool { return v >= lo+inner && v < hi-inner }
	midX := box.Min.X + box.Dx()/2
	b := img.Bounds()
	var middleRow []uint8
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y) : img.PixOffset(b.Max.X-1, y)+4]
		farY := far(y, box.Min.Y, box.Max.Y)
		if farY && middleRow != nil {
			copy(row, middleRow)
			continue
		}
		middle := at(midX, y)
		for x := b.Min.X; x < b.Max.X; x++ {
			c := middle
			if !far(x, box.Min.X, box.Max.X) {
				c = at(x, y)
			}
			i := 4 * (x - b.Min.X)
			row[i], row[i+1], row[i+2], row[i+3] = c.R, c.G, c.B, c.A
		}
		if farY {
			middleRow = row
		}
	}
}

// boxPixel returns the colour of pixel (x, y) of look drawn over box at scale (see
// paintRoundedBox).
func boxPixel(box image.Rectangle, look rectLook, scale float64) func(x, y int) color.RGBA {
	w, h := float64(box.Dx()), float64(box.Dy())
	cx, cy := float64(box.Min.X)+w/2, float64(box.Min.Y)+h/2
	line := math.Round(float64(look.strokeWidth) * scale)
	soft := math.Round(0.5 * scale)
	radius := math.Min(math.Round(float64(look.radius)*scale), math.Min(w, h)/2)
	halfLine := line / 2
	// The box whose rounded edge, pushed out by half the line, is the shape's outer edge.
	innerX, innerY := (w-line)/2, (h-line)/2
	corner := radius - halfLine
	fill, stroke := straight(look.fill), straight(look.stroke)
	if radius == 0 {
		// Fyne draws a rectangle with square corners with hard edges, the line the outer pixels.
		return func(x, y int) color.RGBA {
			p := image.Pt(x, y)
			switch {
			case !p.In(box):
				return color.RGBA{}
			case line > 0 && !p.In(box.Inset(int(line))):
				return premultiply(stroke, 1)
			}
			return premultiply(fill, 1)
		}
	}
	return func(x, y int) color.RGBA {
		d := roundedBoxDistance(float64(x)+0.5-cx, float64(y)+0.5-cy, innerX, innerY, corner)
		coverage := 1 - smoothstep(halfLine-soft, halfLine+soft, d)
		if coverage <= 0 {
			return color.RGBA{}
		}
		c := fill
		if line > 0 {
			c = mix(fill, stroke, smoothstep(-halfLine-soft, -halfLine+soft, d))
		}
		return premultiply(c, coverage)
	}
}

// roundedBoxDistance is the signed distance of (px, py) from the box of half-width bx and
// half-height by centred on the origin, its corners rounded by r: negative inside.
func roundedBoxDistance(px, py, bx, by, r float64) float64 {
	qx, qy := math.Abs(px)-bx+r, math.Abs(py)-by+r
	outside := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
	return math.Min(math.Max(qx, qy), 0) + outside - r
}

func smoothstep(edge0, edge1, x float64) float64 {
	if edge0 == edge1 {
		if x < edge0 {
			return 0
		}
		return 1
	}
	t := math.Min(math.Max((x-edge0)/(edge1-edge0), 0), 1)
	return t * t * (3 - 2*t)
}

// rgbaF is a colour with straight (not premultiplied) components from 0 to 1.
type rgbaF struct{ r, g, b, a float64 }

func straight(c color.RGBA64) rgbaF {
	if c.A == 0 {
		return rgbaF{}
	}
	a := float64(c.A)
	return rgbaF{float64(c.R) / a, float64(c.G) / a, float64(c.B) / a, a / 0xffff}
}

func mix(x, y rgbaF, t float64) rgbaF {
	return rgbaF{x.r + (y.r-x.r)*t, x.g + (y.g-x.g)*t, x.b + (y.b-x.b)*t, x.a + (y.a-x.a)*t}
}

// premultiply is c at coverage as an 8-bit premultiplied pixel.
func premultiply(c rgbaF, coverage float64) color.RGBA {
	a := c.a * coverage
	to8 := func(v float64) uint8 { return uint8(math.Round(math.Min(math.Max(v, 0), 1) * 255)) }
	return color.RGBA{R: to8(c.r * a), G: to8(c.g * a), B: to8(c.b * a), A: to8(a)}
}

// surfaced is inner with the rectangles among its objects drawn as surfaces that follow them.
// A rectangle is taken over when it first shows up painting something (a button's background,
// a field's box and border) and without a shadow; one that starts out transparent is left to
// Fyne, because Fyne animates it without a Refresh of the widget (a button's tap flash), which
// a surface would not see.
type surfaced struct {
	fyne.WidgetRenderer
	surfaces map[*canvas.Rectangle]*surface // nil for a rectangle left to Fyne
}

func newSurfaced(inner fyne.WidgetRenderer) *surfaced {
	return &surfaced{WidgetRenderer: inner, surfaces: map[*canvas.Rectangle]*surface{}}
}

// Objects are inner's, with each rectangle taken over replaced by its surface.
func (r *surfaced) Objects() []fyne.CanvasObject {
	inner := r.WidgetRenderer.Objects()
	out := make([]fyne.CanvasObject, len(inner))
	for i, o := range inner {
		out[i] = o
		if rect, ok := o.(*canvas.Rectangle); ok {
			if s := r.surfaceFor(rect); s != nil {
				out[i] = s.Raster // Fyne draws the raster itself, not a type that embeds it
			}
		}
	}
	return out
}

func (r *surfaced) surfaceFor(rect *canvas.Rectangle) *surface {
	s, seen := r.surfaces[rect]
	if !seen {
		if drawnAlike(rect) {
			s = newSurface()
			s.follow(rect)
		}
		r.surfaces[rect] = s
	}
	return s
}

// drawnAlike reports whether a surface draws rect as Fyne would, and rect paints something.
func drawnAlike(rect *canvas.Rectangle) bool {
	look := lookOf(rect)
	paints := look.fill.A != 0 || (look.stroke.A != 0 && look.strokeWidth > 0)
	oneRadius := rect.TopLeftCornerRadius == 0 && rect.TopRightCornerRadius == 0 &&
		rect.BottomLeftCornerRadius == 0 && rect.BottomRightCornerRadius == 0
	return paints && oneRadius && rect.Aspect == 0 && rgba64(rect.Shadow.Color).A == 0
}

// Layout lays inner out and moves the surfaces to their rectangles.
func (r *surfaced) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.follow()
}

// Refresh lets inner restyle its rectangles (hover, focus, theme) and the surfaces follow.
func (r *surfaced) Refresh() {
	r.WidgetRenderer.Refresh()
	r.follow()
}

func (r *surfaced) follow() {
	for rect, s := range r.surfaces {
		if s != nil {
			s.follow(rect)
		}
	}
}
