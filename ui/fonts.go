package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// LoadFonts starts loading, off the UI thread, the fonts the window's first page needs, so
// that they load while the display opens and the playbook is read rather than after: Fyne
// indexes the system's fonts and picks a face for each text style (and for the glyphs its own
// font lacks, as Japanese) on the first measurement of text in that style, tens of
// milliseconds that would otherwise all come before the first frame. Call it after
// i18n.Use (its sample text is in the window's language) and give what it returns to New
// in Deps.FontsLoaded: the window measures no text until the loading is done, since Fyne's
// font cache is not made for two goroutines at once.
func LoadFonts(a fyne.App) <-chan struct{} {
	sample := lang.L("What do you see when you sign in?") + " " + lang.L("Sign-in Doctor")
	size := theme.TextSize()
	d := a.Driver()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			d.RenderedTextSize(sample, size, style, nil)
		}
	}()
	return done
}
