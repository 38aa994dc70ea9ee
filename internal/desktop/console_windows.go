package desktop

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// AttachParentConsole lets the console-less GUI binary (linked with -H=windowsgui, so a
// double-click opens no console window) print a subcommand's output in the terminal it was
// started from: Windows gives a GUI process no standard handles, so without this
// `signin-doctor.exe check` in cmd.exe or PowerShell would print nothing.
//
// It does nothing with no arguments (the window), and keeps every standard handle the parent
// already gave (a redirection to a file or a pipe, as scripts do): only the missing ones are
// opened on the parent's console. Started by Explorer or a scheduler there is no parent
// console; the handles stay as they are.
func AttachParentConsole() {
	if len(os.Args) < 2 {
		return
	}
	in, out, errOut := usableStdHandle(windows.STD_INPUT_HANDLE), usableStdHandle(windows.STD_OUTPUT_HANDLE), usableStdHandle(windows.STD_ERROR_HANDLE)
	if in && out && errOut {
		return
	}
	if attachConsole(attachParentProcess) != nil {
		return
	}
	if !in {
		reopenOnConsole(&os.Stdin, "CONIN$", windows.STD_INPUT_HANDLE)
	}
	if !out {
		reopenOnConsole(&os.Stdout, "CONOUT$", windows.STD_OUTPUT_HANDLE)
	}
	if !errOut {
		reopenOnConsole(&os.Stderr, "CONOUT$", windows.STD_ERROR_HANDLE)
	}
}

// attachParentProcess is AttachConsole's ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

// attachConsole calls kernel32's AttachConsole, which golang.org/x/sys/windows does not wrap.
func attachConsole(pid uint32) error {
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if ok, _, err := proc.Call(uintptr(pid)); ok == 0 {
		return fmt.Errorf("AttachConsole: %w", err)
	}
	return nil
}

// usableStdHandle tells whether the process was given a real handle for the standard stream:
// a file, a pipe, a console or the NUL device.
func usableStdHandle(std uint32) bool {
	h, err := windows.GetStdHandle(std)
	if err != nil || h == 0 || h == windows.InvalidHandle {
		return false
	}
	t, err := windows.GetFileType(h)
	return err == nil && t != windows.FILE_TYPE_UNKNOWN
}

// reopenOnConsole points *f, and the process's standard handle std, at the console device
// name (CONIN$ or CONOUT$). os.OpenFile sees a console and writes UTF-16 through
// WriteConsoleW, so Japanese text shows as it should. On failure *f is left alone: there is
// nowhere to report it.
func reopenOnConsole(f **os.File, name string, std uint32) {
	flag := os.O_WRONLY
	if std == windows.STD_INPUT_HANDLE {
		flag = os.O_RDONLY
	}
	c, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return
	}
	_ = windows.SetStdHandle(std, windows.Handle(c.Fd()))
	*f = c
}
