package main

import (
	"fmt"
	"os"
	"runtime"
	"time"
)

// The start-up watchdog is for a window that never opens on some person's computer, where no
// signal can ask Go for its goroutines (Windows has no SIGQUIT): with SIGNIN_DOCTOR_STACKDUMP
// naming a file, a window that has not drawn its first frame after
// SIGNIN_DOCTOR_STACKDUMP_AFTER (a Go duration; default 20 s) writes every goroutine's stack
// there. IT asks for that file; the Windows lane's test reads it when the window does not
// appear. A stack holds function names and pointers, never the contents of a secret, and the
// window holds none before its first frame anyway.
const (
	stackDumpEnv      = "SIGNIN_DOCTOR_STACKDUMP"
	stackDumpAfterEnv = "SIGNIN_DOCTOR_STACKDUMP_AFTER"
)

// defaultStackDumpAfter is ten times the slowest first frame measured (a cold Wine prefix).
const defaultStackDumpAfter = 20 * time.Second

// startupWatchdog arms the watchdog when getenv names a dump file, and returns what stops it:
// the window's first frame. Without the variable it does nothing. A bad duration is said on
// errOut and the default used.
func startupWatchdog(getenv func(string) string, errOut func(format string, args ...any)) (started func()) {
	path := getenv(stackDumpEnv)
	if path == "" {
		return func() {}
	}
	after := defaultStackDumpAfter
	if v := getenv(stackDumpAfterEnv); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil || d <= 0 {
			errOut("signin-doctor: %s=%q is not a positive duration such as 20s; using %s\n", stackDumpAfterEnv, v, after)
		} else {
			after = d
		}
	}
	timer := time.AfterFunc(after, func() {
		if err := writeStacks(path, after); err != nil {
			errOut("signin-doctor: %v\n", err)
		}
	})
	return func() { timer.Stop() }
}

// writeStacks writes every goroutine's stack to path, under a line that says why.
func writeStacks(path string, after time.Duration) error {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	head := fmt.Sprintf("signin-doctor %s: no first frame %s after start; every goroutine follows\n\n", version, after)
	if err := os.WriteFile(path, append([]byte(head), buf...), 0o644); err != nil {
		return fmt.Errorf("writing the start-up stack dump: %w", err)
	}
	return nil
}
