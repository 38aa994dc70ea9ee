package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
)

// NoWindow is what the person is told, in a message box of the system's own, when the window
// cannot be opened at all: the graphics would not give the program a window (no OpenGL 2.1, as
// in some remote desktop sessions and virtual machines, or an old graphics driver). cause is
// what the graphics driver said, for the helpdesk; it may be empty. Call it after i18n.Use.
func NoWindow(cause string) (title, text string) {
	text = lang.L("Sign-in Doctor could not open its window: this computer's graphics did not give it one. This can happen in a remote desktop session or a virtual machine, or with an old graphics driver. Start it on the computer itself, or update the graphics driver. The checks also run without a window: in a command prompt, type signin-doctor check")
	if cause = strings.TrimSpace(cause); cause != "" {
		text += "\n\n" + lang.L("Details for your helpdesk:") + "\n" + cause
	}
	return lang.L("Sign-in Doctor"), text
}
