package ui

import (
	"fyne.io/fyne/v2"
)

// New makes Sign-in Doctor's window on a, speaking language ("ja" or "en"; see i18n.Language and
// i18n.Use, which must have been called), and shows the home screen in it. The caller
// shows the window and runs the app.
func New(a fyne.App, d Deps, language string) fyne.Window {
	return open(a, d, language).win
}

// open makes the window and shows the home screen; tests use the shell it returns.
func open(a fyne.App, d Deps, language string) *shell {
	s := newShell(a, d, language)
	if d.FontsLoaded != nil {
		<-d.FontsLoaded // the window opened meanwhile; the home page measures text
	}
	s.push(s.homePage())
	s.win.Resize(fyne.NewSize(720, 520))
	return s
}
