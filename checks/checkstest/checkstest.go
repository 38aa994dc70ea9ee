// Package checkstest makes check results, reports and priors as the checks and the engine make
// them, for the tests of what reads them (the checks that follow others, the playbook's
// advice, the report): each result holds its check's typed payload, and its details are made
// from it. Runs of particular checks are in checkstest/runs.
package checkstest

import (
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/signin-doctor/signin-doctor/checks"
)

// StartedAt is when every report made here started.
var StartedAt = time.Date(2026, 11, 2, 9, 30, 0, 0, time.UTC)

// Run is a run of the checks with these results, as the engine reports it: each finding
// knows its check, and it took 1.2 s.
func Run(results ...checks.Result) checks.Report {
	for i := range results {
		for j := range results[i].Findings {
			results[i].Findings[j].Check = results[i].ID
		}
		if results[i].Details == nil {
			results[i].Details = map[string]any{}
		}
	}
	return checks.Report{StartedAt: StartedAt, Duration: 1200 * time.Millisecond, Results: results}
}

// Result is check id's result, holding data as the check itself would.
func Result(id string, status checks.Status, summary string, data any, findings ...checks.Finding) checks.Result {
	r := checks.Finish(status, summary, data, findings...)
	r.ID = id
	return r
}

// Finding is a finding of that id, severity and params.
func Finding(id string, sev checks.Status, params map[string]string) checks.Finding {
	return checks.Finding{ID: id, Severity: sev, Params: params}
}

// Prior serves a check the results of the checks it needs, as the engine does: every result
// it holds is finished.
type Prior map[string]checks.Result

// Result implements checks.Prior.
func (p Prior) Result(id string) (checks.Result, bool) {
	r, ok := p[id]
	return r, ok
}

// Done implements checks.Prior: closed for the results the map holds, nil (never ready) for
// the others.
func (p Prior) Done(id string) <-chan struct{} {
	if _, ok := p[id]; !ok {
		return nil
	}
	done := make(chan struct{})
	close(done)
	return done
}

// PendingPrior is a connectivity check still running, as a check that follows it sees it: no
// result and an open Done until Finish is called.
type PendingPrior struct {
	done   chan struct{}
	result checks.Result
}

// NewPendingPrior returns connectivity still running.
func NewPendingPrior() *PendingPrior { return &PendingPrior{done: make(chan struct{})} }

// Result implements checks.Prior.
func (p *PendingPrior) Result(id string) (checks.Result, bool) {
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

// Done implements checks.Prior.
func (p *PendingPrior) Done(id string) <-chan struct{} {
	if id != checks.Connectivity {
		return nil
	}
	return p.done
}

// Finish ends connectivity with r, as the engine does: the result first, then Done.
func (p *PendingPrior) Finish(r checks.Result) {
	p.result = r
	close(p.done)
}

// NoLeaks fails t when goroutines started during t outlive it. Call it before starting peers:
// cleanups run last-first, so the peers are stopped before it looks.
func NoLeaks(t testing.TB) {
	t.Helper()
	before := goleak.IgnoreCurrent()
	t.Cleanup(func() { goleak.VerifyNone(t, before) })
}

// MustResult returns check id's result in rep, or fails t: the run did not hold it.
func MustResult(t testing.TB, rep checks.Report, id string) checks.Result {
	t.Helper()
	r, ok := rep.Result(id)
	if !ok {
		t.Fatalf("the run holds no %s result", id)
	}
	return r
}
