package report

import "github.com/signin-doctor/signin-doctor/checks/checkstest"

// The fixtures: results and runs as the checks and the engine make them.
var (
	runOf     = checkstest.Run
	finding   = checkstest.Finding
	vpnReport = checkstest.VPNAddressNotAllowed
)
