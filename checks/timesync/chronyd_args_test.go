package timesync

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeProc lays out a /proc as Linux has it: PID folders holding cmdline, the arguments
// separated and ended by NUL bytes, beside entries that are not processes.
func writeProc(t *testing.T, cmdlines map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for pid, cmd := range cmdlines {
		if err := os.MkdirAll(filepath.Join(dir, pid), 0o755); err != nil {
			t.Fatal(err)
		}
		raw := strings.ReplaceAll(cmd, " ", "\x00") + "\x00"
		if err := os.WriteFile(filepath.Join(dir, pid, "cmdline"), []byte(raw), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, other := range []string{"self", "sys", "net"} {
		if err := os.MkdirAll(filepath.Join(dir, other), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// A chronyd started with -x answers chronyc as if it kept the clock; only its arguments say it
// never sets it.
func TestChronydStartedNotToSetTheClock(t *testing.T) {
	tests := []struct {
		name     string
		procs    map[string]string
		setsNone bool
	}{
		{"given Debian's chronyd (-F 1) then it sets the clock", map[string]string{"612": "/usr/sbin/chronyd -F 1", "1": "/sbin/init"}, false},
		{"given a container's chronyd -x then it does not", map[string]string{"7": "/usr/sbin/chronyd -d -x -u chrony", "1": "/bin/sh"}, true},
		{"given -x only in another program's arguments then it sets the clock", map[string]string{"9": "/usr/sbin/chronyd", "10": "/usr/bin/foo -x"}, false},
		{"given no chronyd at all then nothing is said", map[string]string{"1": "/sbin/init"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args, err := chronydArgs(writeProc(t, tt.procs))
			if err != nil {
				t.Fatal(err)
			}
			if got := setsNoClock(args); got != tt.setsNone {
				t.Errorf("setsNoClock(%q) = %v, want %v", args, got, tt.setsNone)
			}
		})
	}
}
