//go:build !windows

package main

// attachParentConsole does nothing outside Windows: there a program always has the standard
// streams of the terminal or the script that started it.
func attachParentConsole() {}
