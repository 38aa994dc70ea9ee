package peer

import (
	"testing"
	"time"

	"github.com/beevik/ntp"
)

func TestChronyServesItsOffset(t *testing.T) {
	for _, offset := range []time.Duration{95 * time.Second, -95500 * time.Millisecond} {
		t.Run(offset.String(), func(t *testing.T) {
			srv := Chrony(t, offset)
			r, err := ntp.QueryWithOptions(srv.Addr, ntp.QueryOptions{Timeout: time.Second})
			if err != nil {
				t.Fatalf("querying %s: %v", srv.Addr, err)
			}
			if err := r.Validate(); err != nil {
				t.Fatalf("answer from %s does not validate: %v", srv.Addr, err)
			}
			// The server's offset is exact; the bound is what one query can measure.
			if diff := (r.ClockOffset - offset).Abs(); diff > r.RootDistance+time.Millisecond {
				t.Errorf("measured offset %v, want %v within %v", r.ClockOffset, offset, r.RootDistance)
			}
		})
	}
}
