package netcheck

import "github.com/signin-doctor/signin-doctor/checks"

// WhenOffline returns, with true, the Unknown result every network check gives at once when
// the connectivity check found this computer offline (Details["online"] == false), rather
// than waiting for its own timeouts. It returns false when connectivity did not run or could
// not tell. Network checks outside this package (clock) use it too.
func WhenOffline(prior checks.Prior) (checks.Result, bool) {
	r, ok := prior.Result(checks.Connectivity)
	if !ok {
		return checks.Result{}, false
	}
	if online, known := r.Details["online"].(bool); known && !online {
		return checks.Finish(checks.Unknown, "offline", map[string]any{
			"error": "not run: the connectivity check found this computer offline",
		}), true
	}
	return checks.Result{}, false
}
