package clock

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
)

// heldConnectivity is a connectivity check that decides only once the clock has asked its
// server, as a slow portal probe does: online true, false, or nil (it cannot tell).
type heldConnectivity struct {
	asked  <-chan struct{}
	online *bool
}

// Its deadline is short of the clock's: a clock made to wait for it fails the test in seconds.
func (h heldConnectivity) Spec() checks.Spec {
	return checks.Spec{ID: checks.Connectivity, Timeout: 10 * time.Second}
}

func (h heldConnectivity) Run(ctx context.Context, _ checks.Prior) checks.Result {
	select {
	case <-h.asked:
	case <-ctx.Done():
		return checks.Unknowable("the clock never asked its server while connectivity ran", ctx.Err())
	}
	return checks.Finish(checks.Unknown, "decided", &netcheck.ConnectivityData{Online: h.online})
}

// TestFollowsConnectivity runs the clock check with the engine beside a connectivity check
// that decides only after the clock's query reached its server: the clock must not wait for
// connectivity, must stop at once when it says offline, and must go on to its answer when it
// says online or cannot tell.
func TestFollowsConnectivity(t *testing.T) {
	const deadline = time.Minute // the clock's own: far longer than any of these runs
	yes, no := true, false
	tests := []struct {
		name   string
		online *bool
		want   checks.Status
	}{
		{"given the clock asking a slow server when connectivity then finds no network then unknown offline at once", &no, checks.Unknown},
		{"given the clock asking a slow server when connectivity then finds the network then its answer", &yes, checks.OK},
		{"given the clock asking a slow server when connectivity then cannot tell then its answer", nil, checks.OK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			asked, release, ended := make(chan struct{}), make(chan struct{}), make(chan struct{})
			var once sync.Once
			srv := startResponder(t, func(req []byte) []byte {
				once.Do(func() { close(asked) })
				select {
				case <-release:
					return ntpReply{}.answer(req)
				case <-ended:
					return nil
				}
			})
			t.Cleanup(func() { close(ended) }) // before the responder stops: cleanups run last-first
			c := New(Options{Servers: []string{srv.Addr()}, Timeout: deadline, NTPWait: deadline * 9 / 10})
			rep := checks.Run(t.Context(), []checks.Check{heldConnectivity{asked: asked, online: tt.online}, c}, checks.Options{
				Budget: 2 * deadline,
				Observe: func(ev checks.Event) {
					if ev.Kind == checks.Finished && ev.ID == checks.Connectivity && (tt.online == nil || *tt.online) {
						close(release)
					}
				},
			})
			conn, _ := rep.Result(checks.Connectivity)
			if conn.Summary != "decided" {
				t.Fatalf("connectivity: %s %q, want it to decide once the clock had asked", conn.Status, conn.Summary)
			}
			r, _ := rep.Result(checks.Clock)
			if r.Status != tt.want {
				t.Fatalf("clock: %s %q, want %s; details %+v", r.Status, r.Summary, tt.want, r.Details)
			}
			if tt.online != nil && !*tt.online && (r.Summary != "offline" || r.Duration > deadline/2) {
				t.Errorf("clock: %q after %v, want \"offline\" as soon as connectivity said so", r.Summary, r.Duration)
			}
		})
	}
}
