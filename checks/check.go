package checks

import (
	"context"
	"encoding/json"
	"fmt"
	"time"
)

// Check is one local measurement that tells sign-in problems apart.
type Check interface {
	// Spec says what the engine must know before it runs the check.
	Spec() Spec
	// Run measures and returns the result. It must honour ctx: when ctx is done it returns
	// promptly with status Unknown. The engine fills in ID and Duration; Run need not.
	Run(ctx context.Context, prior Prior) Result
}

// Spec describes a check to the engine.
type Spec struct {
	// ID is the check id of docs/DESIGN.md: "clock", "publicip", …
	ID string
	// Timeout is the check's own deadline, counted from when it starts. Zero means the
	// overall budget alone bounds it.
	Timeout time.Duration
	// Needs lists the ids of checks whose results Run reads through Prior. The engine
	// starts this check only once they have finished, and runs each of them once.
	Needs []string
	// Follows lists the ids of checks this one runs alongside and may act on when they
	// finish (prior.Done): a network check starts at once, and stops as soon as the
	// connectivity check says the computer is offline, rather than waiting for it first.
	Follows []string
}

// Prior gives a check the results of the checks it needs or follows.
type Prior interface {
	// Result returns the result of check id. ok is false when id is not part of this run
	// (disabled, not selected, or listed in neither Needs nor Follows), or when a followed
	// check has not finished yet.
	Result(id string) (r Result, ok bool)
	// Done returns a channel closed when check id has finished. It is nil, and so never
	// ready, when id is not part of this run or listed in neither Needs nor Follows.
	Done(id string) <-chan struct{}
}

// Result is what a check found.
type Result struct {
	ID       string        `json:"id"`
	Status   Status        `json:"status"`
	Summary  string        `json:"summary"` // one line in English, for IT and scripts
	Duration time.Duration `json:"-"`
	// Data is the check's typed payload: what the window, the command line and the other
	// checks read, through the accessor of the check's package (netcheck.OnlineFrom,
	// clock.OffsetFrom, browsers.FromResult …), never through Details.
	Data any `json:"-"`
	// Details are the JSON view of Data, made from it by Finish, for the report alone:
	// machine-readable facts, raw errors included. The engine adds "error" and "stack" when
	// a check fails it.
	Details  map[string]any `json:"details"`
	Findings []Finding      `json:"-"`
}

// Finding is a condition a check detected that a remedy addresses. Its words come from the
// playbook, filled in with Params.
type Finding struct {
	ID       string `json:"id"`       // finding id of docs/DESIGN.md: "clock-skew", "vpn-active", …
	Check    string `json:"check"`    // the id of the check that found it; the engine sets it
	Severity Status `json:"severity"` // Warn or Fail
	// Params are the facts the playbook's message is made from: the interface name, the
	// address, the offset. Keys are lower-case words.
	Params map[string]string `json:"-"`
}

// Finish returns a check's result: the status, the summary and the findings, with data (the
// check's payload, a struct with JSON tags) as Data and its JSON form as Details, so the two
// cannot disagree.
func Finish(status Status, summary string, data any, findings ...Finding) Result {
	return Result{Status: status, Summary: summary, Data: data, Details: DetailsOf(data), Findings: findings}
}

// PayloadOf returns r's payload when it is a *T, as a copy: the one type assertion behind every
// check's accessor (netcheck.OnlineFrom, clock.From …). ok is false for a result that holds
// none (the check did not run, was cut short by the engine, or found nothing to report).
func PayloadOf[T any](r Result) (T, bool) {
	var zero T
	p, ok := r.Data.(*T)
	if !ok || p == nil {
		return zero, false
	}
	return *p, true
}

// DetailsOf is the JSON form of a check's payload as plain values (maps, lists, strings,
// numbers, booleans): what Details holds. A payload that is no JSON object gives no details;
// one that cannot be encoded says why under "error".
func DetailsOf(data any) map[string]any {
	out := map[string]any{}
	if data == nil {
		return out
	}
	b, err := json.Marshal(data)
	if err == nil && string(b) != "null" {
		err = json.Unmarshal(b, &out)
	}
	if err != nil {
		return map[string]any{"error": fmt.Sprintf("the details could not be encoded: %v", err)}
	}
	return out
}

// Unknowable returns an Unknown result whose details carry the reason under "error", as
// every check reports what it could not tell.
func Unknowable(summary string, err error) Result {
	d := map[string]any{}
	if err != nil {
		d["error"] = err.Error()
	}
	return Result{Status: Unknown, Summary: summary, Details: d}
}
