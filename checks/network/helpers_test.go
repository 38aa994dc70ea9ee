package network

import (
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
)

// The priors a check is run with, as the engine gives them.
type netPrior = checkstest.Prior

var (
	newPendingPrior = checkstest.NewPendingPrior
	noLeaks         = checkstest.NoLeaks
)

// said is a connectivity payload: the Verdict the gate reads.
type said struct{ online *bool }

func (s said) SaysOnline() (bool, bool) {
	if s.online == nil {
		return false, false
	}
	return *s.online, true
}

// verdict is a connectivity result saying online (true or false), or nothing when online is
// nil: it could not tell.
func verdict(online any) checks.Result {
	switch online {
	case nil:
		return checks.Finish(checks.Unknown, "cannot tell", said{})
	case false:
		f := false
		return checks.Finish(checks.Fail, "offline", said{&f})
	}
	t := true
	return checks.Finish(checks.OK, "online", said{&t})
}
