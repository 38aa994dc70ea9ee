package network

import (
	"context"
	"errors"

	"github.com/signin-doctor/signin-doctor/checks"
)

// ErrOffline is the cause of a context UntilOffline cancelled: the connectivity check found
// this computer offline.
var ErrOffline = errors.New("the connectivity check found this computer offline")

// UntilOffline returns a context derived from ctx that is cancelled, with the cause
// ErrOffline, the moment the connectivity check finishes saying "online": false — at once
// when it already has. Every network check (clock too) runs under it, following connectivity
// (Spec.Follows) rather than waiting for it: it starts at once, and stops as soon as there is
// no network to measure instead of waiting for its own timeouts. stop releases the watch; the
// check calls it (defer) before it returns. A nil prior, or a run without connectivity,
// watches nothing.
func UntilOffline(ctx context.Context, prior checks.Prior) (_ context.Context, stop context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(ctx)
	if prior == nil {
		return ctx, func() { cancel(context.Canceled) }
	}
	done := prior.Done(checks.Connectivity)
	if saysOffline(prior) {
		cancel(ErrOffline)
	}
	if done == nil || ctx.Err() != nil {
		return ctx, func() { cancel(context.Canceled) }
	}
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		select {
		case <-done:
			if saysOffline(prior) {
				cancel(ErrOffline)
			}
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		cancel(context.Canceled)
		<-watching // no goroutine outlives the check
	}
}

// Offline reports whether ctx, or the context it derives from, was cancelled because the
// connectivity check found this computer offline (see UntilOffline).
func Offline(ctx context.Context) bool {
	return errors.Is(context.Cause(ctx), ErrOffline)
}

// OfflineResult is the result every network check gives when the connectivity check found
// this computer offline: unknown, "offline", never ok — the check could not measure anything.
func OfflineResult() checks.Result {
	return checks.Finish(checks.Unknown, "offline", map[string]any{"error": ErrOffline.Error()})
}

// OrOffline returns r, a network check's own result measured under ctx (from UntilOffline),
// or OfflineResult when the connectivity check found this computer offline. A result that is
// not ok first waits for connectivity's verdict, within ctx: running alongside it, a check
// often fails before connectivity has decided (no route fails every dial at once), and its
// failure is then the missing network's, which the person must hear about rather than a
// blocked port or a silent time server. An ok result stands at once: something answered.
func OrOffline(ctx context.Context, prior checks.Prior, r checks.Result) checks.Result {
	if Offline(ctx) {
		return OfflineResult()
	}
	if r.Status == checks.OK || prior == nil {
		return r
	}
	done := prior.Done(checks.Connectivity)
	if done == nil {
		return r
	}
	select {
	case <-done:
	case <-ctx.Done():
	}
	if Offline(ctx) || saysOffline(prior) {
		return OfflineResult()
	}
	return r
}

// Verdict is what the connectivity check's payload (its result's Data) tells the other network
// checks: whether this computer is online, when the check could tell. netcheck's
// ConnectivityData implements it.
type Verdict interface {
	SaysOnline() (online, known bool)
}

// FoundOffline reports whether the connectivity check has finished and found this computer
// offline, whether or not a context of UntilOffline has been cancelled for it yet.
func FoundOffline(prior checks.Prior) bool { return prior != nil && saysOffline(prior) }

// saysOffline reports whether the connectivity check has finished and found this computer
// offline. When it could not tell, the network checks go on.
func saysOffline(prior checks.Prior) bool {
	r, ok := prior.Result(checks.Connectivity)
	if !ok {
		return false
	}
	v, ok := r.Data.(Verdict)
	if !ok {
		return false
	}
	online, known := v.SaysOnline()
	return known && !online
}

// OrIntranet is how every network check runs against connectivity: measure runs at once, under
// a context that ends the moment connectivity finds this computer offline (UntilOffline), and
// its result stands when it is an answer (ok) or was measured while online. When connectivity
// found this computer offline, intranet runs instead, under ctx: the check asks only its
// servers on this computer's own networks (see Intranet), or returns OfflineResult when it has
// none. The offline verdict is read from connectivity's result as well as from the context,
// whose cancellation may not have happened yet when measure returns.
func OrIntranet(ctx context.Context, prior checks.Prior, measure, intranet func(context.Context) checks.Result) checks.Result {
	gated, stop := UntilOffline(ctx, prior)
	defer stop()
	r := measure(gated)
	if r.Status == checks.OK || (!Offline(gated) && !FoundOffline(prior)) {
		return r
	}
	return intranet(ctx)
}
