package ui

import (
	"fmt"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is WCAG 2.2's relative luminance of an opaque colour.
func luminance(c color.Color) float64 {
	n := color.NRGBAModel.Convert(c).(color.NRGBA)
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.04045 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(n.R) + 0.7152*lin(n.G) + 0.0722*lin(n.B)
}

// contrast is WCAG's contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// onto is fg drawn over the opaque bg, as the screen shows a translucent colour.
func onto(fg, bg color.Color) color.Color {
	f, b := color.NRGBAModel.Convert(fg).(color.NRGBA), color.NRGBAModel.Convert(bg).(color.NRGBA)
	a := float64(f.A) / 255
	mix := func(x, y uint8) uint8 { return uint8(math.Round(float64(x)*a + float64(y)*(1-a))) }
	return color.NRGBA{R: mix(f.R, b.R), G: mix(f.G, b.G), B: mix(f.B, b.B), A: 0xff}
}

// Text meets 4.5:1 against what it is drawn on, and the signs and the focus ring 3:1 (WCAG 2.2,
// 1.4.3 and 1.4.11), in the light theme and the dark. Fyne's own default misses several: the
// test names them when run against it.
func TestTheWindowsColoursMeetWCAGContrast(t *testing.T) {
	for _, tc := range []struct {
		name    string
		variant fyne.ThemeVariant
	}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}} {
		th := newAppTheme()
		c := func(n fyne.ThemeColorName) color.Color { return th.Color(n, tc.variant) }
		bg := c(theme.ColorNameBackground)
		input := onto(c(theme.ColorNameInputBackground), bg)
		sheet := onto(c(theme.ColorNameOverlayBackground), bg)
		primary := onto(c(theme.ColorNamePrimary), bg)
		pairs := []struct {
			what   string
			fg, bg color.Color
			min    float64
		}{
			{"text", c(theme.ColorNameForeground), bg, 4.5},
			{"text in a field", c(theme.ColorNameForeground), input, 4.5},
			{"a field's hint", onto(c(theme.ColorNamePlaceHolder), input), input, 4.5},
			{"a button's text", c(theme.ColorNameForeground), onto(c(theme.ColorNameButton), bg), 4.5},
			{"a high-importance button's text", c(theme.ColorNameForegroundOnPrimary), primary, 4.5},
			{"a link", onto(c(theme.ColorNameHyperlink), bg), bg, 4.5},
			{"text on a sheet", c(theme.ColorNameForeground), sheet, 4.5},
			{"the ✓ sign", onto(c(theme.ColorNameSuccess), bg), bg, 3},
			{"the ! sign", onto(c(theme.ColorNameWarning), bg), bg, 3},
			{"the ✗ sign", onto(c(theme.ColorNameError), bg), bg, 3},
			{"the focus ring", focusRingColour(th, tc.variant), bg, 3},
		}
		for _, p := range pairs {
			t.Run(fmt.Sprintf("%s/%s", tc.name, p.what), func(t *testing.T) {
				if got := contrast(p.fg, p.bg); got < p.min {
					t.Errorf("%s: %v on %v is %.2f:1, want at least %.1f:1", p.what,
						color.NRGBAModel.Convert(p.fg), color.NRGBAModel.Convert(p.bg), got, p.min)
				}
			})
		}
	}
}

// The measure itself: WCAG's own extremes and a pair of Fyne's that falls short.
func TestContrastIsWCAGs(t *testing.T) {
	tests := []struct {
		fg, bg color.Color
		want   float64
	}{
		{color.Black, color.White, 21},
		{color.White, color.White, 1},
		{color.NRGBA{R: 0x88, G: 0x88, B: 0x88, A: 0xff}, color.NRGBA{R: 0xf3, G: 0xf3, B: 0xf3, A: 0xff}, 3.19}, // Fyne's light placeholder
		{color.NRGBA{R: 0x76, G: 0x76, B: 0x76, A: 0xff}, color.White, 4.54},                                     // the lightest grey that passes on white
	}
	for _, tc := range tests {
		if got := contrast(tc.fg, tc.bg); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.3f, want %.2f", tc.fg, tc.bg, got, tc.want)
		}
	}
}
