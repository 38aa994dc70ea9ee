package netcheck

import (
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
)

// The priors a check is run with, as the engine gives them.
type netPrior = checkstest.Prior

var (
	newPendingPrior = checkstest.NewPendingPrior
	noLeaks         = checkstest.NoLeaks
)

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
