// Command barefyne is the benchmark's yardstick: the barest Fyne window, built the way
// signin-doctor is, of the size signin-doctor opens, with one line of text. scripts/bench.sh
// compares signin-doctor's first frame, memory and size with it.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("dev.signin-doctor.barefyne")
	w := a.NewWindow("Bare Fyne")
	w.SetContent(widget.NewLabel("A bare Fyne window."))
	w.Resize(fyne.NewSize(720, 520))
	w.ShowAndRun()
}
