package network

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
)

func TestUntilOfflineCancelsWhenConnectivitySaysOffline(t *testing.T) {
	noLeaks(t)
	tests := []struct {
		name  string
		prior func() checks.Prior
		// then ends connectivity while the check runs; nil: it never does.
		then    func(p checks.Prior)
		offline bool
	}{
		{name: "given no prior at all then nothing is watched", prior: func() checks.Prior { return nil }},
		{name: "given connectivity not in the run then nothing is watched", prior: func() checks.Prior { return netPrior{} }},
		{name: "given connectivity already found no network then cancelled at once", offline: true,
			prior: func() checks.Prior { return netPrior{checks.Connectivity: verdict(false)} }},
		{name: "given connectivity already found the network then not cancelled",
			prior: func() checks.Prior { return netPrior{checks.Connectivity: verdict(true)} }},
		{name: "given connectivity still running when it finds no network then cancelled then", offline: true,
			prior: func() checks.Prior { return newPendingPrior() },
			then:  func(p checks.Prior) { p.(*checkstest.PendingPrior).Finish(verdict(false)) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prior := tt.prior()
			ctx, stop := UntilOffline(t.Context(), prior)
			defer stop()
			if tt.then != nil {
				if ctx.Err() != nil {
					t.Fatalf("cancelled (%v) before connectivity finished", context.Cause(ctx))
				}
				tt.then(prior)
				<-ctx.Done()
			}
			if Offline(ctx) != tt.offline {
				t.Fatalf("Offline = %v (cause %v), want %v", Offline(ctx), context.Cause(ctx), tt.offline)
			}
			if tt.offline && !errors.Is(context.Cause(ctx), ErrOffline) {
				t.Errorf("cause %v, want ErrOffline", context.Cause(ctx))
			}
			if !tt.offline && ctx.Err() != nil {
				t.Errorf("cancelled (%v) though connectivity did not say offline", context.Cause(ctx))
			}
		})
	}
}

func TestOrOfflineNeverLetsAnOfflineRunPassAsMeasured(t *testing.T) {
	noLeaks(t)
	failed := checks.Finish(checks.Fail, "endpoint unreachable", nil)
	unknown := checks.Finish(checks.Unknown, "no answer", nil)
	ok := checks.Finish(checks.OK, "reached", nil)
	tests := []struct {
		name  string
		prior checks.Prior
		// finish, when set, is the verdict connectivity reaches once the check has its result.
		finish  any
		own     checks.Result
		offline bool
	}{
		{name: "given no prior when the check failed then its own result", own: failed},
		{name: "given connectivity not in the run when the check failed then its own result", prior: netPrior{}, own: failed},
		{name: "given connectivity found no network when the check somehow got an answer then offline, never ok",
			prior: netPrior{checks.Connectivity: verdict(false)}, own: ok, offline: true},
		{name: "given connectivity still running when the check got an answer then that answer at once",
			prior: newPendingPrior(), own: ok},
		{name: "given connectivity still running when the check failed and then no network is found then offline",
			prior: newPendingPrior(), finish: false, own: failed, offline: true},
		{name: "given connectivity still running when the check failed and then the network is found then its own result",
			prior: newPendingPrior(), finish: true, own: failed},
		{name: "given connectivity still running when the check could not tell and then neither can connectivity then its own result",
			prior: newPendingPrior(), finish: nil, own: unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Far off: an answer that waited for connectivity when it had no reason to would
			// show as a context cut short.
			ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
			defer cancel()
			ctx, stop := UntilOffline(ctx, tt.prior)
			defer stop()
			got := make(chan checks.Result, 1)
			go func() { got <- OrOffline(ctx, tt.prior, tt.own) }()
			if p, pending := tt.prior.(*checkstest.PendingPrior); pending && tt.own.Status != checks.OK {
				p.Finish(verdict(tt.finish))
			}
			r := <-got
			if ctx.Err() != nil && !Offline(ctx) {
				t.Fatalf("waited until its deadline: %v", ctx.Err())
			}
			switch {
			case tt.offline && (r.Status != checks.Unknown || r.Summary != "offline"):
				t.Errorf("got %s %q, want unknown \"offline\"", r.Status, r.Summary)
			case !tt.offline && r.Summary != tt.own.Summary:
				t.Errorf("got %s %q, want the check's own %s %q", r.Status, r.Summary, tt.own.Status, tt.own.Summary)
			}
		})
	}
}
