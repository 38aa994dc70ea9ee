package timesync

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// chronyNoClock names a chronyd that was started with -x: it serves and tracks time but never
// sets this computer's clock (containers and some appliances run it so).
const chronyNoClock = "chrony (started with -x: it does not set this computer's clock)"

// chronydArgs returns the argument lists of the chronyd processes under proc (Linux's /proc):
// each /proc/PID/cmdline whose program is chronyd, split at its NUL bytes. Processes that end
// while it reads are skipped.
func chronydArgs(proc string) ([][]string, error) {
	entries, err := os.ReadDir(proc)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, e := range entries {
		if !e.IsDir() || strings.Trim(e.Name(), "0123456789") != "" {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(proc, e.Name(), "cmdline"))
		if err != nil || len(raw) == 0 {
			continue
		}
		args := strings.Split(string(bytes.TrimRight(raw, "\x00")), "\x00")
		if filepath.Base(args[0]) == "chronyd" {
			out = append(out, args)
		}
	}
	return out, nil
}

// setsNoClock reports whether every chronyd found was started with -x (and at least one was):
// then nothing chrony does reaches the clock.
func setsNoClock(chronyds [][]string) bool {
	if len(chronyds) == 0 {
		return false
	}
	for _, args := range chronyds {
		if !slices.Contains(args[1:], "-x") {
			return false
		}
	}
	return true
}
