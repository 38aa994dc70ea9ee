package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestStartupWatchdog(t *testing.T) {
	tests := []struct {
		name      string
		after     string // SIGNIN_DOCTOR_STACKDUMP_AFTER
		wantDump  bool
		wantWords string // said on standard error
	}{
		{"no first frame in time: every goroutine is written", "10ms", true, ""},
		{"a bad duration is said and the default used", "soon", false, `SIGNIN_DOCTOR_STACKDUMP_AFTER="soon" is not a positive duration`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "stacks.txt")
			env := map[string]string{stackDumpEnv: path, stackDumpAfterEnv: tt.after}
			var said strings.Builder
			drawn := startupWatchdog(func(k string) string { return env[k] }, func(f string, a ...any) { fmt.Fprintf(&said, f, a...) })
			defer drawn()
			if tt.wantDump {
				dump := waitFile(t, path)
				for _, want := range []string{"no first frame 10ms after start", "goroutine ", "TestStartupWatchdog"} {
					if !strings.Contains(dump, want) {
						t.Errorf("the dump does not hold %q:\n%s", want, dump)
					}
				}
			}
			if !strings.Contains(said.String(), tt.wantWords) {
				t.Errorf("said %q, want %q", said.String(), tt.wantWords)
			}
		})
	}
	t.Run("without the variable nothing is armed", func(t *testing.T) {
		drawn := startupWatchdog(func(string) string { return "" }, func(string, ...any) { t.Error("said something") })
		drawn()
	})
}

// waitFile waits for the watchdog's file, up to a minute on a loaded machine, and returns it.
func waitFile(t *testing.T, path string) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		data, err := os.ReadFile(path)
		if err == nil && len(data) > 0 {
			return string(data)
		}
		if time.Now().After(deadline) {
			t.Fatalf("no dump at %s after a minute: %v", path, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
