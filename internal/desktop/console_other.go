//go:build !windows

package desktop

// AttachParentConsole does nothing outside Windows: there a program always has the standard
// streams of the terminal or the script that started it.
func AttachParentConsole() {}
