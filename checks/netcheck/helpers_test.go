package netcheck

import (
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"go.uber.org/goleak"
)

// netPrior serves a check the results of the checks it needs, as the engine does.
type netPrior map[string]checks.Result

func (p netPrior) Result(id string) (checks.Result, bool) {
	r, ok := p[id]
	return r, ok
}

// Done is closed for the results the map holds: they are finished.
func (p netPrior) Done(id string) <-chan struct{} { return finishedOrNil(p, id) }

// finishedOrNil returns a closed channel when m holds id, else nil (never ready).
func finishedOrNil(m map[string]checks.Result, id string) <-chan struct{} {
	if _, ok := m[id]; !ok {
		return nil
	}
	done := make(chan struct{})
	close(done)
	return done
}

// pendingPrior is a connectivity check still running, as a check that follows it sees it:
// no result and an open Done until finish is called.
type pendingPrior struct {
	done   chan struct{}
	result checks.Result
}

func newPendingPrior() *pendingPrior { return &pendingPrior{done: make(chan struct{})} }

func (p *pendingPrior) Result(id string) (checks.Result, bool) {
	if id != checks.Connectivity {
		return checks.Result{}, false
	}
	select {
	case <-p.done:
		return p.result, true
	default:
		return checks.Result{}, false
	}
}

func (p *pendingPrior) Done(id string) <-chan struct{} {
	if id != checks.Connectivity {
		return nil
	}
	return p.done
}

// finish ends connectivity with r, as the engine does: the result first, then Done.
func (p *pendingPrior) finish(r checks.Result) {
	p.result = r
	close(p.done)
}

// verdict is a connectivity result saying online (true or false), or nothing when online is
// nil: it could not tell.
func verdict(online any) checks.Result {
	switch online {
	case nil:
		return checks.Finish(checks.Unknown, "cannot tell", &ConnectivityData{})
	case false:
		return checks.Finish(checks.Fail, "offline", &ConnectivityData{Online: ptr(false)})
	}
	return checks.Finish(checks.OK, "online", &ConnectivityData{Online: ptr(true)})
}

// noLeaks fails t when goroutines started during t outlive it. Call it before starting
// peers: cleanups run last-first, so the peers are stopped before it looks.
func noLeaks(t *testing.T) {
	t.Helper()
	before := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, before) })
}

// findingIDs lists the ids of r's findings.
func findingIDs(r checks.Result) []string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.ID)
	}
	return ids
}

// directOnly clears the proxy variables for t, so that a proxy set where the tests run cannot
// change what a test of the direct path measures.
func directOnly(t *testing.T) {
	for _, k := range []string{"HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"} {
		t.Setenv(k, "")
	}
}

// mustData returns a result's payload through the check's accessor, or fails the test.
func mustData[T any](t testing.TB, from func(checks.Result) (T, bool), r checks.Result) T {
	t.Helper()
	d, ok := from(r)
	if !ok {
		t.Fatalf("the result holds no payload: %s %q, data %T", r.Status, r.Summary, r.Data)
	}
	return d
}

func ptr[T any](v T) *T { return &v }
