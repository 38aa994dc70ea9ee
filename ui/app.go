package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Title is the window's title.
const Title = "Sign-in Doctor — サインイン診断"

// New makes the main window of a.
func New(a fyne.App) fyne.Window {
	w := a.NewWindow(Title)
	w.SetContent(container.NewVBox(
		widget.NewLabelWithStyle("What do you see when you sign in?", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("サインイン時に何が表示されますか?"),
	))
	w.Resize(fyne.NewSize(720, 520))
	return w
}
