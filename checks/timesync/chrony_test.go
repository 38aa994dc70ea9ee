package timesync

import (
	"context"
	"strconv"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/internal/peer"
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
	tests := []struct {
		name string
		opts peer.ChronyOptions
		want string // synchronized
	}{
		{"given a chronyd serving time then ok by chrony, synchronised", peer.ChronyOptions{}, "true"},
		{"given a chronyd that cannot reach its server then on, not synchronised", peer.ChronyOptions{Unsynchronised: true}, "false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := peer.StartChrony(t, tt.opts)
			c := New(Options{Run: towards(srv)})
			ctx, cancel := context.WithTimeout(t.Context(), c.Spec().Timeout)
			defer cancel()
			st, err := linuxState(ctx, c.opts.Run)
			want{checks.OK, "true", "chrony", tt.want}.check(t, verdict(st, err))
		})
	}
}
