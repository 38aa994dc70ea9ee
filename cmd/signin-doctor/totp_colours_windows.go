package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// enableColours turns on the console's colour sequences for f (Windows 10 and later have them,
// off unless a program asks); it reports whether f takes them.
func enableColours(f *os.File) bool {
	h := windows.Handle(f.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return false
	}
	if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
		return true
	}
	return windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil
}
