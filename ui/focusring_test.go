package ui

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// variantTheme is th held to one variant, for drawing the light and the dark theme in one run.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

// The focused control is ringed in the text colour, in light and in dark; a high-importance
// button beside it, filled with the theme's blue, has no ring, and neither has a field
// without the focus. The images are kept in testdata for a person to look at.
func TestTheFocusIsPlainAndUnlikeAHighImportanceButton(t *testing.T) {
	for _, tc := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		t.Run(tc.name, func(t *testing.T) {
			a := test.NewTempApp(t)
			th := variantTheme{newAppTheme(), tc.variant}
			a.Settings().SetTheme(th)
			plain := newButton("Copy the command", nil, nil, nil)
			high := newButton("Next remedy", theme.NavigateNextIcon(), nil, nil)
			high.Importance = widget.HighImportance
			field := newEntry(false, nil)
			field.SetPlaceHolder("Paste the message you see")
			w := test.NewTempWindow(t, container.NewPadded(container.NewVBox(container.NewHBox(plain, high), field)))
			w.Resize(fyne.NewSize(360, 120))

			w.Canvas().Focus(plain)
			img := w.Canvas().Capture()
			test.AssertImageMatches(t, "focus_"+tc.name+".png", img)
			ring := focusRingColour(th, tc.variant)
			if !ringed(img, w, plain, ring) {
				t.Error("the focused button has no ring")
			}
			if ringed(img, w, high, ring) || ringed(img, w, field, ring) {
				t.Error("a control without the focus is ringed")
			}

			w.Canvas().Focus(field)
			img = w.Canvas().Capture()
			if !ringed(img, w, field, ring) || ringed(img, w, plain, ring) {
				t.Error("the ring did not move with the focus to the field")
			}
		})
	}
}

// ringed reports whether the ring's colour is drawn all round o: on the middle of each side,
// within two pixels of the line's place (a fractional position rounds either way).
func ringed(img image.Image, w fyne.Window, o fyne.CanvasObject, ring color.Color) bool {
	scale := float32(img.Bounds().Dx()) / w.Canvas().Size().Width
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
	size := o.Size()
	in := focusRingWidth / 2
	left, top := at.X+in, at.Y+in
	right, bottom := at.X+size.Width-in-1, at.Y+size.Height-in-1
	midX, midY := at.X+size.Width/2, at.Y+size.Height/2
	sides := []struct{ at, across fyne.Position }{
		{fyne.NewPos(left, midY), fyne.NewPos(1, 0)}, {fyne.NewPos(right, midY), fyne.NewPos(1, 0)},
		{fyne.NewPos(midX, top), fyne.NewPos(0, 1)}, {fyne.NewPos(midX, bottom), fyne.NewPos(0, 1)},
	}
	for _, side := range sides {
		found := false
		for d := float32(-2); d <= 2; d++ {
			p := side.at.Add(fyne.NewPos(side.across.X*d, side.across.Y*d))
			found = found || near(img.At(int(p.X*scale), int(p.Y*scale)), ring)
		}
		if !found {
			return false
		}
	}
	return true
}

// near reports whether two colours differ by little in each channel (anti-aliasing).
func near(a, b color.Color) bool {
	x, y := color.NRGBAModel.Convert(a).(color.NRGBA), color.NRGBAModel.Convert(b).(color.NRGBA)
	d := func(p, q uint8) bool { return max(p, q)-min(p, q) < 48 }
	return d(x.R, y.R) && d(x.G, y.G) && d(x.B, y.B)
}
