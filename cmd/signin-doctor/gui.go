package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/signin-doctor/signin-doctor/assets"
	"github.com/signin-doctor/signin-doctor/ui"
)

// openGUI runs the window until it is closed. Only this function starts Fyne's driver, so the
// CLI subcommands work without a display.
func openGUI(_ streams) int {
	a := app.NewWithID("io.github.signin_doctor.signin_doctor")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	ui.New(a).ShowAndRun()
	return exitClean
}
