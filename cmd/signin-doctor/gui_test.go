package main

import (
	"runtime/debug"
	"testing"
)

func TestSpaceGC(t *testing.T) {
	tests := []struct {
		name             string
		gogc             int
		during, restored int
	}{
		{"given the default GOGC, then the start runs at 400 and the default comes back", 100, startupGCPercent, 100},
		{"given a lower GOGC, then it comes back after the start", 50, startupGCPercent, 50},
		{"given a higher GOGC, then it stands", 800, 800, 800},
		{"given the collector off, then it stays off", -1, -1, -1},
	}
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			debug.SetGCPercent(tt.gogc)
			restore := spaceGC()
			if got := debug.SetGCPercent(tt.during); got != tt.during {
				t.Errorf("GOGC while starting = %d, want %d", got, tt.during)
			}
			restore()
			if got := debug.SetGCPercent(tt.restored); got != tt.restored {
				t.Errorf("GOGC after the first frame = %d, want %d", got, tt.restored)
			}
		})
	}
}
