package desktop

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// Alert shows a message box of Windows' own (user32 draws it: it needs no OpenGL), an error
// icon and OK, and returns when the person closes it.
func Alert(title, text string) error {
	t, err := windows.UTF16PtrFromString(title)
	if err != nil {
		return fmt.Errorf("the message box title: %w", err)
	}
	m, err := windows.UTF16PtrFromString(text)
	if err != nil {
		return fmt.Errorf("the message box text: %w", err)
	}
	if _, err := windows.MessageBox(0, m, t, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND); err != nil {
		return fmt.Errorf("MessageBox: %w", err)
	}
	return nil
}
