package proof

import (
	"os"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// waitDrained waits until the process has read everything written to the pipe whose read end
// is r, up to a minute on a loaded machine: FIONREAD (TIOCINQ on Linux) on the read end says
// how many bytes are still unread.
func waitDrained(t *testing.T, r *os.File) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for {
		n, err := unix.IoctlGetInt(int(r.Fd()), unix.TIOCINQ)
		if err != nil {
			t.Fatalf("FIONREAD on the secret's pipe: %v", err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the process left %d bytes of the secret unread for a minute", n)
		}
		time.Sleep(time.Millisecond) // polling the pipe, not guessing how long a read takes
	}
}
