package timesync

import (
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// A real chronyd that follows a server says "synchronised" to chronyc whether or not it may set
// the clock: the check must read how it was started. (The test's chronyds all run with -x, so
// as not to touch this machine's clock; the process list is the one a computer would show.)
func TestAChronydStartedWithDashXIsNotSynchronisation(t *testing.T) {
	peer.Program(t, "chronyc")
	upstream := peer.StartChrony(t, peer.ChronyOptions{})
	srv := peer.StartChrony(t, peer.ChronyOptions{Upstream: upstream.Addr})
	tests := []struct {
		name    string
		chronyd string
		want    want
	}{
		{"given chronyd as Debian starts it then ok", "/usr/sbin/chronyd -F 1", want{checks.OK, "true", "chrony", "true"}},
		{"given chronyd -x then off, saying why", "/usr/sbin/chronyd -x -u chrony", want{checks.Warn, "false", chronyNoClock, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(Options{Run: towards(srv), Proc: writeProc(t, map[string]string{"1": "/sbin/init", "412": tt.chronyd})})
			tt.want.check(t, c.Run(t.Context(), nil))
		})
	}
}
