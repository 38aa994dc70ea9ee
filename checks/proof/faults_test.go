package proof

import (
	"os"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// fault is one row of the matrix: what it breaks, and what the checks must say about it.
type fault struct {
	name string
	// breakWorld starts the fault's own peers and points the wiring at them.
	breakWorld func(t *testing.T, w *world, wire *wiring)
	want       map[string]expect
	// bug names a defect found by this row and not yet fixed: the row is skipped with it,
	// unless PROOF_KNOWN_BUGS is set. Remove it with the fix.
	bug string
}

// knownBugsEnv runs the rows that show known bugs (and fail until they are fixed).
const knownBugsEnv = "PROOF_KNOWN_BUGS"

// TestFaultMatrix drives the real network checks against one broken or hostile peer per row,
// on loopback. Every row also holds the shared contract of runChecks: deadlines held, budget
// held, no goroutine leaked.
func TestFaultMatrix(t *testing.T) {
	w := startWorld(t)
	var rows []fault
	rows = append(rows, baselineRows()...)
	rows = append(rows, ntpRows()...)
	rows = append(rows, dateRows()...)
	rows = append(rows, echoRows()...)
	rows = append(rows, portalRows()...)
	rows = append(rows, reachRows()...)
	rows = append(rows, unexpectedRows()...)
	for _, f := range rows {
		t.Run(f.name, func(t *testing.T) {
			if f.bug != "" && os.Getenv(knownBugsEnv) == "" {
				t.Skipf("known bug (set %s to run): %s", knownBugsEnv, f.bug)
			}
			wire := w.honest()
			if f.breakWorld != nil {
				f.breakWorld(t, w, &wire)
			}
			w.ntp.Queries.Store(0)
			rep := runChecks(t, wire.checks())
			if msg := holds(rep, f.want); msg != "" {
				t.Error(msg)
			}
			if n := w.ntp.Queries.Load(); n > 1 {
				t.Errorf("the honest NTP server was asked %d times in one run, want at most once", n)
			}
		})
	}
}

// baselineRows show that the matrix can tell a fault from none: honest peers give ok.
func baselineRows() []fault {
	return []fault{{
		name: "given honest peers then every network check is ok",
		want: map[string]expect{
			checks.Connectivity: {Status: checks.OK},
			checks.PublicIP:     {Status: checks.OK, Says: publicAddr},
			checks.Allowlist:    {Status: checks.OK},
			checks.Clock:        {Status: checks.OK},
			checks.Reach:        {Status: checks.OK},
		},
	}}
}
