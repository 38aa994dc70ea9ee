// Package checkstest makes check results and reports as the checks and the engine make them,
// for the tests of what reads them (the playbook's advice, the report): each result holds its
// check's typed payload, and its details are made from it.
package checkstest

import (
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
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

// VPNAddressNotAllowed is the run where a VPN on tun0 carries the traffic and the address it
// gives, 198.51.100.7, is in none of IT's allowed networks.
func VPNAddressNotAllowed() checks.Report {
	return Run(
		Result(checks.PublicIP, checks.OK, "198.51.100.7 (3 of 3 sources agree)",
			&netcheck.PublicIPData{IPv4: "198.51.100.7", Addresses: []string{"198.51.100.7"}}),
		Result(checks.VPN, checks.Warn, "a VPN carries the traffic: tun0",
			&netcheck.VPNData{Active: true, DefaultRouteInterface: "tun0"},
			Finding(checks.FindingVPNActive, checks.Warn, map[string]string{"interface": "tun0"})),
		Result(checks.Allowlist, checks.Fail, "198.51.100.7 is in no allowed network",
			&netcheck.AllowlistData{Allowed: false},
			Finding(checks.FindingIPNotAllowed, checks.Fail, map[string]string{"address": "198.51.100.7", "vpn_interface": "tun0"})),
	)
}
