package main

import (
	"errors"
	"fmt"
	"io"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
)

// When the graphics give the program no window (no OpenGL 2.1 in a remote desktop session or a
// virtual machine, a broken driver, Wine without GLX), Fyne logs why and then, since the event
// loop has not started yet, goes on without one: its loop runs for ever with nothing on the
// screen, and a person who double-clicked sees nothing happen at all (fyne v2.7.1 and v2.8.1,
// internal/driver/glfw gLDriver.initFailed: its Quit is a no-op before Run). Where GLFW itself
// cannot start, Fyne panics instead. Either way the window is checked for here before the loop
// starts, and the person is told in a message box of the system's own.

// errNoNativeWindow: the window was shown but the driver made no native window for it.
var errNoNativeWindow = errors.New("the graphics driver made no window")

// showWindow makes the window with build and shows it, and reports an error when there is no
// native window to show: the driver's panic, or a window the driver did not create.
func showWindow(build func() fyne.Window) (w fyne.Window, err error) {
	defer func() {
		if r := recover(); r != nil {
			w, err = nil, fmt.Errorf("the graphics driver failed: %v", r)
		}
	}()
	w = build()
	w.Show()
	if !hasNativeWindow(w) {
		return nil, errNoNativeWindow
	}
	return w, nil
}

// hasNativeWindow tells whether the system holds a window for w: its handle is zero when the
// driver failed to create it. A window or context of a kind not known here counts as there.
func hasNativeWindow(w fyne.Window) bool {
	nw, ok := w.(driver.NativeWindow)
	if !ok {
		return true
	}
	has := true
	nw.RunNative(func(context any) {
		switch c := context.(type) {
		case driver.WindowsWindowContext:
			has = c.HWND != 0
		case driver.MacWindowContext:
			has = c.NSWindow != 0
		case driver.X11WindowContext:
			has = c.WindowHandle != 0
		case driver.WaylandWindowContext:
			has = c.WaylandSurface != 0
		}
	})
	return has
}

// logTail passes the log on to out and keeps its last bytes: what Fyne and GLFW logged about a
// failed window is the detail the message box gives the helpdesk.
type logTail struct {
	out io.Writer
	max int

	mu   sync.Mutex
	kept []byte
}

func newLogTail(out io.Writer, max int) *logTail { return &logTail{out: out, max: max} }

func (l *logTail) Write(p []byte) (int, error) {
	l.mu.Lock()
	l.kept = append(l.kept, p...)
	if over := len(l.kept) - l.max; over > 0 {
		l.kept = append(l.kept[:0], l.kept[over:]...)
	}
	l.mu.Unlock()
	return l.out.Write(p)
}

// String returns the kept end of the log.
func (l *logTail) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return string(l.kept)
}
