// Package desktop is what the program asks of the operating system's desktop without a window
// of its own: on Windows, the console of the terminal that started the GUI executable
// (AttachParentConsole), and a message box of the system's own (Alert, on Windows and macOS)
// for when the graphics give the program no window. It holds no Fyne code, so its Windows and
// macOS files are vetted for those systems in make lint, in seconds.
package desktop
