package main

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestShowWindow(t *testing.T) {
	a := test.NewTempApp(t)
	tests := []struct {
		name    string
		build   func() fyne.Window
		wantErr string // "" for a window that opened
	}{
		{"a window opens", func() fyne.Window { return a.NewWindow("Sign-in Doctor") }, ""},
		// GLFW that cannot start: Fyne panics in NewWindow ("NotInitialized: The GLFW library
		// is not initialized", after "Failed to create helper window" under Wine).
		{"the driver panics", func() fyne.Window { panic("NotInitialized: The GLFW library is not initialized") },
			"the graphics driver failed: NotInitialized: The GLFW library is not initialized"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := showWindow(tt.build)
			switch {
			case tt.wantErr == "" && (err != nil || w == nil):
				t.Fatalf("showWindow = %v, %v; want the window", w, err)
			case tt.wantErr != "" && (err == nil || err.Error() != tt.wantErr):
				t.Fatalf("showWindow error = %v, want %q", err, tt.wantErr)
			}
		})
	}
}

func TestLogTail(t *testing.T) {
	tests := []struct {
		name   string
		writes []string
		max    int
		kept   string
	}{
		{"short logs are kept whole", []string{"a\n", "b\n"}, 16, "a\nb\n"},
		{"long logs keep their end", []string{"0123456789", "abcdef"}, 8, "89abcdef"},
		{"one write longer than the limit keeps its end", []string{"0123456789abcdef"}, 4, "cdef"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			l := newLogTail(&out, tt.max)
			for _, w := range tt.writes {
				if n, err := l.Write([]byte(w)); n != len(w) || err != nil {
					t.Fatalf("Write(%q) = %d, %v", w, n, err)
				}
			}
			if got := l.String(); got != tt.kept {
				t.Errorf("kept %q, want %q", got, tt.kept)
			}
			if got, want := out.String(), strings.Join(tt.writes, ""); got != want {
				t.Errorf("passed on %q, want every write: %q", got, want)
			}
		})
	}
}
