package wine

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
)

// TestXvfbEndsCleanly: when a test's display ends, Xvfb's socket goes with it, so the next
// Xvfb given the same number (the window test, make bench) can take it.
func TestXvfbEndsCleanly(t *testing.T) {
	var socket string
	t.Run("while the display is up", func(t *testing.T) {
		socket = "/tmp/.X11-unix/X" + strings.TrimPrefix(Xvfb(t), ":")
		if _, err := os.Stat(socket); err != nil {
			t.Errorf("Xvfb is up but %v", err)
		}
	})
	if _, err := os.Stat(socket); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after the display ended, %s is still there (%v)", socket, err)
	}
}
