package ui

import (
	"image"
	"image/color"
	"testing"
)

// BenchmarkPaintRoundedBox is a home page button's background at 1× and 2×: the CPU time a
// surface costs each time its size or look changes (the first frame draws about twenty).
func BenchmarkPaintRoundedBox(b *testing.B) {
	look := rectLook{fill: rgba64(color.NRGBA{R: 40, G: 40, B: 44, A: 255}), stroke: rgba64(color.White), strokeWidth: 1, radius: 5}
	for _, scale := range []float64{1, 2} {
		b.Run(map[float64]string{1: "1x", 2: "2x"}[scale], func(b *testing.B) {
			w, h := int(714*scale), int(38*scale)
			pad := int(scale)
			img := image.NewRGBA(image.Rect(0, 0, w+2*pad, h+2*pad))
			box := image.Rect(pad, pad, pad+w, pad+h)
			for b.Loop() {
				paintRoundedBox(img, box, look, scale)
			}
		})
	}
}
