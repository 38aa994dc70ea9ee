package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// appTheme is Fyne's default theme with the colours that fall short of WCAG 2.2's contrast
// ratios changed (measured in theme_test.go): text at least 4.5:1 against what it is drawn on,
// a sign (✓ ! ✗) and the focus ring at least 3:1. Fyne's own, measured: a placeholder 3.2:1
// in light, white on the blue of a high-importance button 4.47:1, a link 4.47:1 in light and
// 4.0:1 in dark, the green tick 1.5:1 and the amber sign 2.2:1 in light.
type appTheme struct{ fyne.Theme }

func newAppTheme() fyne.Theme { return appTheme{theme.DefaultTheme()} }

// Color is Fyne's, but for the colours that fall short.
func (t appTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c := fixedColour(name, v == theme.VariantDark); c != nil {
		return c
	}
	return t.Theme.Color(name, v)
}

// fixedColour is the colour that replaces Fyne's, or nil where Fyne's is kept.
func fixedColour(name fyne.ThemeColorName, dark bool) color.Color {
	blue := color.NRGBA{R: 0x1d, G: 0x5b, B: 0xd6, A: 0xff} // white on it, and it on white: 6:1
	switch {
	case name == theme.ColorNamePrimary:
		return blue
	case name == theme.ColorNameHyperlink && dark:
		return color.NRGBA{R: 0x7a, G: 0xa7, B: 0xff, A: 0xff}
	case dark:
		return nil
	case name == theme.ColorNameHyperlink:
		return blue
	case name == theme.ColorNamePlaceHolder:
		return color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
	case name == theme.ColorNameSuccess:
		return color.NRGBA{R: 0x1e, G: 0x8e, B: 0x3e, A: 0xff}
	case name == theme.ColorNameWarning:
		return color.NRGBA{R: 0xb0, G: 0x60, B: 0x00, A: 0xff}
	case name == theme.ColorNameError:
		return color.NRGBA{R: 0xd3, G: 0x2f, B: 0x2f, A: 0xff}
	}
	return nil
}
