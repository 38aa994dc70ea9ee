package report

import (
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
	"github.com/signin-doctor/signin-doctor/checks/checkstest/runs"
)

// The fixtures: results and runs as the checks and the engine make them.
var (
	runOf     = checkstest.Run
	finding   = checkstest.Finding
	vpnReport = runs.VPNAddressNotAllowed
)
