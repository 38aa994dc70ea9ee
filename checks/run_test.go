package checks_test

import (
	"context"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/signin-doctor/signin-doctor/checks"
)

// fake is a check whose behaviour a test sets.
type fake struct {
	spec checks.Spec
	run  func(ctx context.Context, prior checks.Prior) checks.Result
}

func (f fake) Spec() checks.Spec { return f.spec }
func (f fake) Run(ctx context.Context, p checks.Prior) checks.Result {
	return f.run(ctx, p)
}

func ok(summary string) func(context.Context, checks.Prior) checks.Result {
	return func(context.Context, checks.Prior) checks.Result {
		return checks.Finish(checks.OK, summary, nil)
	}
}

// waitCtx is a check that honours its context: it returns Unknown when the context is done.
func waitCtx(ctx context.Context, _ checks.Prior) checks.Result {
	<-ctx.Done()
	return checks.Unknowable("gave up", ctx.Err())
}

func statuses(rep checks.Report) map[string]checks.Status {
	out := map[string]checks.Status{}
	for _, r := range rep.Results {
		out[r.ID] = r.Status
	}
	return out
}

func TestRunIsConcurrent(t *testing.T) {
	defer goleak.VerifyNone(t)
	// Given four checks that each wait until all four have started,
	// when they run with a budget, then all finish OK: run one after another they would
	// each wait for the others until the budget ran out and report Unknown.
	const n = 4
	var started sync.WaitGroup
	started.Add(n)
	all := make(chan struct{})
	go func() { started.Wait(); close(all) }()
	var list []checks.Check
	for i := range n {
		list = append(list, fake{spec: checks.Spec{ID: string(rune('a' + i))}, run: func(ctx context.Context, _ checks.Prior) checks.Result {
			started.Done()
			select {
			case <-all:
				return checks.Finish(checks.OK, "met the others", nil)
			case <-ctx.Done():
				return checks.Unknowable("alone", ctx.Err())
			}
		}})
	}
	rep := checks.Run(context.Background(), list, checks.Options{Budget: 2 * time.Second})
	for id, s := range statuses(rep) {
		if s != checks.OK {
			t.Errorf("check %s: status %s, want ok (did the checks run concurrently?)", id, s)
		}
	}
}

func TestRunDeadlines(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	tests := []struct {
		name        string
		budget      time.Duration
		spec        checks.Spec
		run         func(context.Context, checks.Prior) checks.Result
		wantSummary string // a part of the summary
	}{
		{
			name:        "a check that honours its own deadline reports its own unknown",
			budget:      3 * time.Second,
			spec:        checks.Spec{ID: "slow", Timeout: 200 * time.Millisecond},
			run:         waitCtx,
			wantSummary: "gave up",
		},
		{
			name:   "a check that ignores its deadline is cut off at it",
			budget: 3 * time.Second,
			spec:   checks.Spec{ID: "stuck", Timeout: 200 * time.Millisecond},
			run: func(context.Context, checks.Prior) checks.Result {
				<-block
				return checks.Finish(checks.OK, "too late", nil)
			},
			wantSummary: "did not finish within 200ms",
		},
		{
			name:   "a check with no deadline of its own is cut off by the budget",
			budget: 300 * time.Millisecond,
			spec:   checks.Spec{ID: "forever"},
			run: func(context.Context, checks.Prior) checks.Result {
				<-block
				return checks.Finish(checks.OK, "too late", nil)
			},
			wantSummary: "did not finish within 300ms",
		},
		{
			name:        "the budget cuts a check's longer deadline short",
			budget:      300 * time.Millisecond,
			spec:        checks.Spec{ID: "long", Timeout: time.Hour},
			run:         waitCtx,
			wantSummary: "gave up",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			rep := checks.Run(context.Background(), []checks.Check{fake{spec: tt.spec, run: tt.run}}, checks.Options{Budget: tt.budget})
			elapsed := time.Since(start)
			limit := tt.budget
			if tt.spec.Timeout > 0 && tt.spec.Timeout < limit {
				limit = tt.spec.Timeout
			}
			// The engine's own bookkeeping after the cut-off is microseconds; 100 ms of slack
			// absorbs a loaded machine without hiding a wait for the check.
			if elapsed > limit+100*time.Millisecond {
				t.Errorf("Run took %s, past the limit of %s", elapsed, limit)
			}
			r := rep.Results[0]
			if r.Status != checks.Unknown {
				t.Errorf("status %s, want unknown", r.Status)
			}
			if !strings.Contains(r.Summary, tt.wantSummary) {
				t.Errorf("summary %q, want it to contain %q", r.Summary, tt.wantSummary)
			}
			if r.Details["error"] == nil {
				t.Errorf("details carry no reason: %v", r.Details)
			}
		})
	}
}

func TestRunTurnsPanicsIntoUnknown(t *testing.T) {
	defer goleak.VerifyNone(t)
	list := []checks.Check{
		fake{spec: checks.Spec{ID: "crash"}, run: func(context.Context, checks.Prior) checks.Result { panic("boom") }},
		fake{spec: checks.Spec{ID: "fine"}, run: ok("fine")},
	}
	rep := checks.Run(context.Background(), list, checks.Options{Budget: time.Second})
	crash, _ := rep.Result("crash")
	if crash.Status != checks.Unknown || !strings.Contains(crash.Details["error"].(string), "panic: boom") {
		t.Errorf("crash: %s %v, want unknown with the panic in its details", crash.Status, crash.Details["error"])
	}
	if s, _ := crash.Details["stack"].(string); !strings.Contains(s, "run_test.go") {
		t.Errorf("crash: the stack in the details does not point at the check: %q", s)
	}
	if fine, _ := rep.Result("fine"); fine.Status != checks.OK {
		t.Errorf("the other check: %s, want ok", fine.Status)
	}
}

func TestRunSharesResults(t *testing.T) {
	defer goleak.VerifyNone(t)
	var ipRuns atomic.Int32
	publicIP := fake{spec: checks.Spec{ID: checks.PublicIP}, run: func(context.Context, checks.Prior) checks.Result {
		ipRuns.Add(1)
		time.Sleep(50 * time.Millisecond) // the readers must wait for it, not race it
		return checks.Finish(checks.OK, "198.51.100.7", map[string]any{"ipv4": "198.51.100.7"})
	}}
	reader := func(id string) checks.Check {
		return fake{spec: checks.Spec{ID: id, Needs: []string{checks.PublicIP}}, run: func(_ context.Context, p checks.Prior) checks.Result {
			r, ok := p.Result(checks.PublicIP)
			if !ok {
				return checks.Finish(checks.Unknown, "no public IP", nil)
			}
			return checks.Finish(checks.OK, "saw "+r.Details["ipv4"].(string), nil)
		}}
	}
	list := []checks.Check{reader(checks.Allowlist), publicIP, reader("second-reader")}

	rep := checks.Run(context.Background(), list, checks.Options{Budget: 2 * time.Second})
	for _, id := range []string{checks.Allowlist, "second-reader"} {
		r, _ := rep.Result(id)
		if r.Summary != "saw 198.51.100.7" {
			t.Errorf("%s: %q, want it to have read the public IP", id, r.Summary)
		}
	}
	if n := ipRuns.Load(); n != 1 {
		t.Errorf("publicip ran %d times, want once", n)
	}

	// Given the needed check is not part of the run, the reader is told so.
	rep = checks.Run(context.Background(), []checks.Check{reader(checks.Allowlist)}, checks.Options{})
	if r := rep.Results[0]; r.Summary != "no public IP" {
		t.Errorf("without publicip: %q, want the reader told it is absent", r.Summary)
	}

	// Given the needed check is disabled, the reader sees its Skipped result.
	rep = checks.Run(context.Background(), list, checks.Options{Disabled: []string{checks.PublicIP}})
	if s := statuses(rep)[checks.PublicIP]; s != checks.Skipped {
		t.Errorf("disabled publicip: %s, want skipped", s)
	}
}

func TestRunReportsWellFormedResults(t *testing.T) {
	defer goleak.VerifyNone(t)
	a := fake{spec: checks.Spec{ID: "a", Needs: []string{"b"}}, run: ok("a")}
	b := fake{spec: checks.Spec{ID: "b", Needs: []string{"a"}}, run: ok("b")}
	odd := fake{spec: checks.Spec{ID: "odd"}, run: func(context.Context, checks.Prior) checks.Result {
		return checks.Result{Status: "great", Findings: []checks.Finding{{ID: "x", Severity: "bad"}}}
	}}
	dup := fake{spec: checks.Spec{ID: "odd"}, run: ok("dup")}
	var events []checks.Event
	rep := checks.Run(context.Background(), []checks.Check{a, b, odd, dup}, checks.Options{
		Observe: func(e checks.Event) { events = append(events, e) },
	})
	want := map[string]checks.Status{"a": checks.Unknown, "b": checks.Unknown, "odd": checks.Unknown}
	for i, r := range rep.Results {
		if r.Status != want[r.ID] {
			t.Errorf("result %d (%s): %s, want %s", i, r.ID, r.Status, want[r.ID])
		}
		if r.Details == nil {
			t.Errorf("result %d (%s): nil details", i, r.ID)
		}
	}
	if len(rep.Results) != 4 || rep.Results[3].Summary != "the check is listed twice" {
		t.Errorf("the duplicate is not reported as such: %+v", rep.Results)
	}
	odd0 := rep.Results[2]
	if f := odd0.Findings[0]; f.Check != "odd" || f.Severity != checks.Warn {
		t.Errorf("finding not normalised: %+v", f)
	}
	finished := 0
	for _, e := range events {
		if e.Kind == checks.Finished {
			finished++
		}
	}
	if finished != 4 {
		t.Errorf("observed %d finished events, want one per check (4)", finished)
	}
}

func TestObserveSeesEachCheckStartThenFinish(t *testing.T) {
	defer goleak.VerifyNone(t)
	list := []checks.Check{
		fake{spec: checks.Spec{ID: "x"}, run: ok("x")},
		fake{spec: checks.Spec{ID: "y", Needs: []string{"x"}}, run: ok("y")},
		fake{spec: checks.Spec{ID: "z"}, run: ok("z")},
	}
	var order []string
	checks.Run(context.Background(), list, checks.Options{Disabled: []string{"z"}, Observe: func(e checks.Event) {
		kind := map[checks.EventKind]string{checks.Started: "start", checks.Finished: "finish"}[e.Kind]
		order = append(order, kind+" "+e.ID)
	}})
	got := strings.Join(order, ", ")
	for _, want := range []string{"finish z", "start x, finish x", "start y, finish y"} {
		if !strings.Contains(got, want) {
			t.Errorf("events %q lack %q", got, want)
		}
	}
	if strings.Index(got, "finish x") > strings.Index(got, "start y") {
		t.Errorf("y started before x finished: %q", got)
	}
}

func TestSelectBringsNeeds(t *testing.T) {
	list := []checks.Check{
		fake{spec: checks.Spec{ID: checks.Connectivity}},
		fake{spec: checks.Spec{ID: checks.PublicIP, Needs: []string{checks.Connectivity}}},
		fake{spec: checks.Spec{ID: checks.VPN}},
		fake{spec: checks.Spec{ID: checks.Allowlist, Needs: []string{checks.PublicIP, checks.VPN}}},
		fake{spec: checks.Spec{ID: checks.Clock}},
	}
	tests := []struct {
		ids  []string
		want string
	}{
		{[]string{checks.Allowlist}, "connectivity publicip vpn allowlist"},
		{[]string{checks.Clock}, "clock"},
		{[]string{checks.Clock, checks.VPN}, "vpn clock"},
		{nil, ""},
		{[]string{"nonexistent"}, ""},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range checks.Select(list, tt.ids) {
			got = append(got, c.Spec().ID)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Select(%v) = %v, want %s", tt.ids, got, tt.want)
		}
	}
}

func TestWorst(t *testing.T) {
	tests := []struct {
		in   []checks.Status
		want checks.Status
	}{
		{nil, checks.Skipped},
		{[]checks.Status{checks.OK, checks.Unknown}, checks.Unknown},
		{[]checks.Status{checks.Warn, checks.Unknown, checks.OK}, checks.Warn},
		{[]checks.Status{checks.Warn, checks.Fail}, checks.Fail},
	}
	for _, tt := range tests {
		if got := checks.Worst(tt.in...); got != tt.want {
			t.Errorf("Worst(%v) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestFollowerRunsAlongsideAndHearsTheEnd(t *testing.T) {
	defer goleak.VerifyNone(t)
	// Given connectivity finishes only once its follower has started, when they run, then
	// the follower was not made to wait for it, and hears its result through Done.
	followerStarted := make(chan struct{})
	conn := fake{spec: checks.Spec{ID: checks.Connectivity}, run: func(ctx context.Context, _ checks.Prior) checks.Result {
		select {
		case <-followerStarted:
			return checks.Finish(checks.Fail, "offline", map[string]any{"online": false})
		case <-ctx.Done():
			return checks.Unknowable("the follower never started", ctx.Err())
		}
	}}
	follower := fake{spec: checks.Spec{ID: checks.Reach, Follows: []string{checks.Connectivity}}, run: func(ctx context.Context, p checks.Prior) checks.Result {
		if _, ok := p.Result(checks.Connectivity); ok {
			return checks.Finish(checks.Fail, "connectivity had already finished", nil)
		}
		close(followerStarted)
		select {
		case <-p.Done(checks.Connectivity):
			r, _ := p.Result(checks.Connectivity)
			return checks.Finish(checks.Unknown, "heard: "+r.Summary, nil)
		case <-ctx.Done():
			return checks.Unknowable("never heard", ctx.Err())
		}
	}}
	rep := checks.Run(context.Background(), checks.Select([]checks.Check{conn, follower}, []string{checks.Reach}), checks.Options{Budget: 2 * time.Second})
	if r, _ := rep.Result(checks.Reach); r.Summary != "heard: offline" {
		t.Errorf("follower: %q, want it to have run alongside connectivity and heard it end", r.Summary)
	}
	if r, _ := rep.Result(checks.Connectivity); r.Status != checks.Fail {
		t.Errorf("connectivity: %s %q, want it selected along with its follower and finished", r.Status, r.Summary)
	}

	// Given the followed check is not in the run, Done is never ready and Result says so.
	alone := fake{spec: checks.Spec{ID: checks.Reach, Follows: []string{checks.Connectivity}}, run: func(_ context.Context, p checks.Prior) checks.Result {
		_, ok := p.Result(checks.Connectivity)
		if p.Done(checks.Connectivity) != nil || ok {
			return checks.Finish(checks.Fail, "saw a check that is not in the run", nil)
		}
		return checks.Finish(checks.OK, "alone", nil)
	}}
	rep = checks.Run(context.Background(), []checks.Check{alone}, checks.Options{})
	if r := rep.Results[0]; r.Status != checks.OK {
		t.Errorf("alone: %s %q", r.Status, r.Summary)
	}
}
