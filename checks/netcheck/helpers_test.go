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
