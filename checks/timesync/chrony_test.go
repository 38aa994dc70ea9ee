package timesync

import (
	"context"
	"strconv"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// towards runs programs for real, pointing chronyc at srv's monitoring port instead of the
// system's chronyd.
func towards(srv peer.NTPServer) Runner {
	return func(ctx context.Context, name string, args ...string) ([]byte, error) {
		if name == "chronyc" {
			args = append([]string{"-h", srv.CmdHost, "-p", strconv.Itoa(srv.CmdPort)}, args...)
		}
		return execRun(ctx, name, args...)
	}
}

func TestAgainstARealChronyd(t *testing.T) {
	peer.Program(t, "chronyc")
	upstream := peer.StartChrony(t, peer.ChronyOptions{})
	tests := []struct {
		name string
		opts peer.ChronyOptions
		want want
	}{
		{"given a chronyd following a server then ok by chrony, synchronised",
			peer.ChronyOptions{Upstream: upstream.Addr}, want{checks.OK, "true", "chrony", "true"}},
		{"given a chronyd that cannot reach its server then on, not synchronised",
			peer.ChronyOptions{Unsynchronised: true}, want{checks.OK, "true", "chrony", "false"}},
		// "local stratum 8": chronyd serves this computer's own clock, following nothing.
		{"given a chronyd whose reference is its local clock then off, saying so",
			peer.ChronyOptions{}, want{checks.Warn, "false", chronyLocal, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := peer.StartChrony(t, tt.opts)
			c := New(Options{Run: towards(srv)})
			ctx, cancel := context.WithTimeout(t.Context(), c.Spec().Timeout)
			defer cancel()
			st, err := linuxState(ctx, c.opts.Run)
			r := verdict(st, err)
			tt.want.check(t, r)
			if tt.want.status == checks.Warn && (len(r.Findings) != 1 || r.Findings[0].ID != checks.FindingTimeSyncOff) {
				t.Errorf("findings %v, want time-sync-off", r.Findings)
			}
		})
	}
}
