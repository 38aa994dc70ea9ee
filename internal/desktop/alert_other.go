//go:build !windows && !darwin

package desktop

// Alert has no message box to show on Linux and the BSDs without a window of its own; the
// message has been written to standard error, where a terminal or the desktop's log has it.
func Alert(title, text string) error { return nil }
