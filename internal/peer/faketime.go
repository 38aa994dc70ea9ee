package peer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// libfaketimeGlobs are where Debian and other distributions install libfaketime.
var libfaketimeGlobs = []string{
	"/usr/lib/*/faketime/libfaketime.so.1",
	"/usr/lib/faketime/libfaketime.so.1",
	"/usr/lib64/faketime/libfaketime.so.1",
	"/usr/local/lib/faketime/libfaketime.so.1",
}

// FakeTimeEnv returns the environment that makes a program started with it see this machine's
// clock shifted by offset (ahead when positive), through libfaketime. The library is preloaded
// directly rather than through the faketime wrapper, because the wrapper forks: stopping it
// would leave the real server running. It skips or fails t when libfaketime is missing.
func FakeTimeEnv(t testing.TB, offset time.Duration) []string {
	t.Helper()
	Program(t, "faketime") // the package that ships the library also ships the program
	for _, g := range libfaketimeGlobs {
		if m, _ := filepath.Glob(g); len(m) > 0 {
			return []string{
				"LD_PRELOAD=" + m[0],
				fmt.Sprintf("FAKETIME=%+.3fs", offset.Seconds()),
				// libfaketime reads FAKETIME again when its cache expires (every 10 s by
				// default); servers such as nginx clear their environment after start, so
				// a re-read would drop the offset. Keep the first reading for a day.
				"FAKETIME_CACHE_DURATION=86400",
			}
		}
	}
	Missing(t, "libfaketime.so.1 is not installed (Debian package libfaketime)")
	return nil
}

// lockedBuffer collects a peer's log from the goroutines exec starts to copy its output.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
