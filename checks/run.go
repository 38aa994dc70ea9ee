package checks

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"time"
)

// DefaultBudget bounds a whole run when Options.Budget is zero (docs/DESIGN.md: 5 s).
const DefaultBudget = 5 * time.Second

// Options tune Run.
type Options struct {
	// Budget bounds the whole run; zero means DefaultBudget. Run never waits past it.
	Budget time.Duration
	// Disabled lists check ids that are reported as Skipped without running.
	Disabled []string
	// Observe, when set, is told when each check starts and finishes. Run calls it from one
	// goroutine at a time, in the order things happen; it should return quickly.
	Observe func(Event)
}

// EventKind says what happened to a check.
type EventKind int

const (
	Started  EventKind = iota // the check's needs are met and it is running
	Finished                  // the check has a result
)

// Event is a progress report from Run.
type Event struct {
	Kind   EventKind
	ID     string
	At     time.Time
	Result Result // set for Finished
}

// Report is the outcome of a run: every check's result, in the order the checks were given.
type Report struct {
	StartedAt time.Time
	Duration  time.Duration
	Results   []Result
}

// Findings returns every finding of every result, in result order.
func (r Report) Findings() []Finding {
	var out []Finding
	for _, res := range r.Results {
		out = append(out, res.Findings...)
	}
	return out
}

// Result returns the result of check id, if it was part of the run.
func (r Report) Result(id string) (Result, bool) {
	for _, res := range r.Results {
		if res.ID == id {
			return res, true
		}
	}
	return Result{}, false
}

// graceFor is how long before a hard cut-off a check's context is cancelled, so that the
// check can return its own Unknown result, with what it measured so far, before the engine
// gives up on it.
func graceFor(budget time.Duration) time.Duration {
	return min(150*time.Millisecond, budget/20)
}

// slot holds one check's result once done is closed.
type slot struct {
	check  Check
	spec   Spec
	done   chan struct{}
	result Result
}

// run is the state of one call to Run.
type run struct {
	start    time.Time
	hardStop time.Time // start + budget: nothing waits past this
	grace    time.Duration
	slots    map[string]*slot
	events   chan Event
}

// Run executes the checks in list concurrently and returns their results. Each check runs once,
// after the checks it needs, under its own deadline inside the overall budget. A check that
// panics or overruns is reported as Unknown with the reason in its details; Run itself never
// panics because of a check and returns by the budget.
func Run(ctx context.Context, list []Check, opts Options) Report {
	budget := opts.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	r := &run{
		start:  time.Now(),
		grace:  graceFor(budget),
		slots:  make(map[string]*slot, len(list)),
		events: make(chan Event, 2*len(list)), // never blocks a check, whatever Observe does
	}
	r.hardStop = r.start.Add(budget)
	ctx, cancel := context.WithDeadline(ctx, r.hardStop)
	defer cancel()

	disabled := make(map[string]bool, len(opts.Disabled))
	for _, id := range opts.Disabled {
		disabled[id] = true
	}
	order := make([]*slot, 0, len(list))
	var runnable []*slot
	// settle records a result known before anything runs: disabled, duplicate, cyclic.
	settle := func(s *slot, res Result) {
		res.ID = s.spec.ID
		s.result = res
		close(s.done)
		r.events <- Event{Kind: Finished, ID: s.spec.ID, At: time.Now(), Result: res}
	}
	for _, c := range list {
		s := &slot{check: c, spec: c.Spec(), done: make(chan struct{})}
		order = append(order, s)
		switch {
		case r.slots[s.spec.ID] != nil:
			settle(s, Unknowable("the check is listed twice", fmt.Errorf("duplicate check id %q", s.spec.ID)))
			continue
		case disabled[s.spec.ID]:
			settle(s, Result{Status: Skipped, Summary: "disabled by configuration", Details: map[string]any{}})
		default:
			runnable = append(runnable, s)
		}
		r.slots[s.spec.ID] = s
	}
	cyclic := cycles(r.slots)
	for _, s := range runnable {
		if cyclic[s.spec.ID] {
			settle(s, Unknowable("the check depends on itself", fmt.Errorf("dependency cycle through %q", s.spec.ID)))
			continue
		}
		go r.runOne(ctx, s)
	}
	for finished := 0; finished < len(order); {
		ev := <-r.events
		if ev.Kind == Finished {
			finished++
		}
		if opts.Observe != nil {
			opts.Observe(ev)
		}
	}
	rep := Report{StartedAt: r.start, Duration: time.Since(r.start), Results: make([]Result, 0, len(order))}
	for _, s := range order {
		rep.Results = append(rep.Results, s.result)
	}
	return rep
}

// runOne waits for s's needs, runs it, and records its result. It returns by r.hardStop.
func (r *run) runOne(ctx context.Context, s *slot) {
	defer close(s.done)
	finish := func(res Result) {
		s.result = res
		r.events <- Event{Kind: Finished, ID: s.spec.ID, At: time.Now(), Result: res}
	}
	for _, need := range s.spec.Needs {
		dep := r.slots[need]
		if dep == nil {
			continue
		}
		select {
		case <-dep.done:
		case <-ctx.Done():
			finish(r.normalize(s.spec, time.Now(), Unknowable(
				fmt.Sprintf("waited for %s until the time budget ran out", need), ctx.Err())))
			return
		}
	}
	began := time.Now()
	r.events <- Event{Kind: Started, ID: s.spec.ID, At: began}

	cut := r.hardStop
	if s.spec.Timeout > 0 && began.Add(s.spec.Timeout).Before(cut) {
		cut = began.Add(s.spec.Timeout)
	}
	checkCtx, cancel := context.WithDeadline(ctx, cut.Add(-r.grace))
	defer cancel()

	out := make(chan Result, 1)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				res := Unknowable("the check crashed", fmt.Errorf("panic: %v", v))
				res.Details["stack"] = string(debug.Stack())
				out <- res
			}
		}()
		out <- s.check.Run(checkCtx, prior{slots: r.slots, spec: s.spec})
	}()

	timer := time.NewTimer(time.Until(cut))
	defer timer.Stop()
	select {
	case res := <-out:
		finish(r.normalize(s.spec, began, res))
	case <-timer.C:
		// The check ignored its context. Its goroutine is left to finish on its own; its
		// result, whenever it comes, is dropped.
		finish(r.normalize(s.spec, began, Unknowable(
			fmt.Sprintf("did not finish within %s", cut.Sub(began).Round(time.Millisecond)),
			context.DeadlineExceeded)))
	}
}

// normalize makes a check's result well-formed: its id, duration, a valid status, details that
// are never nil, and findings that name their check.
func (r *run) normalize(spec Spec, began time.Time, res Result) Result {
	res.ID = spec.ID
	res.Duration = time.Since(began)
	if res.Details == nil {
		res.Details = map[string]any{}
	}
	if !res.Status.Valid() {
		res.Details["error"] = fmt.Sprintf("the check returned the invalid status %q", res.Status)
		res.Status = Unknown
	}
	for i := range res.Findings {
		res.Findings[i].Check = spec.ID
		if res.Findings[i].Severity != Fail {
			res.Findings[i].Severity = Warn
		}
	}
	return res
}

// prior serves a check the results of the checks it declared in Needs or Follows.
type prior struct {
	slots map[string]*slot
	spec  Spec
}

// slot returns the slot of id when the check declared it and it is part of the run.
func (p prior) slot(id string) *slot {
	if !slices.Contains(p.spec.Needs, id) && !slices.Contains(p.spec.Follows, id) {
		return nil
	}
	return p.slots[id]
}

func (p prior) Result(id string) (Result, bool) {
	s := p.slot(id)
	if s == nil {
		return Result{}, false
	}
	select {
	case <-s.done:
		return s.result, true
	default:
		return Result{}, false
	}
}

func (p prior) Done(id string) <-chan struct{} {
	if s := p.slot(id); s != nil {
		return s.done
	}
	return nil
}

// cycles returns the ids of checks that need themselves, directly or through others.
func cycles(slots map[string]*slot) map[string]bool {
	const (
		unseen = iota
		visiting
		finished
	)
	state := make(map[string]int, len(slots))
	bad := make(map[string]bool)
	var visit func(id string) bool
	visit = func(id string) bool {
		switch state[id] {
		case visiting:
			return true
		case finished:
			return bad[id]
		}
		state[id] = visiting
		s := slots[id]
		if s != nil {
			for _, n := range s.spec.Needs {
				if visit(n) {
					bad[id] = true
				}
			}
		}
		state[id] = finished
		return bad[id]
	}
	for id := range slots {
		visit(id)
	}
	return bad
}

// Select returns the checks of list whose ids are in ids, together with every check they need
// or follow, directly or not, in the order of list.
func Select(list []Check, ids []string) []Check {
	byID := make(map[string]Check, len(list))
	for _, c := range list {
		byID[c.Spec().ID] = c
	}
	want := make(map[string]bool)
	var add func(id string)
	add = func(id string) {
		c, ok := byID[id]
		if !ok || want[id] {
			return
		}
		want[id] = true
		spec := c.Spec()
		for _, n := range slices.Concat(spec.Needs, spec.Follows) {
			add(n)
		}
	}
	for _, id := range ids {
		add(id)
	}
	var out []Check
	for _, c := range list {
		if want[c.Spec().ID] {
			out = append(out, c)
		}
	}
	return out
}
