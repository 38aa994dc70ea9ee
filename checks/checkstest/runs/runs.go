// Package runs holds runs of the checks that several packages' tests read: the same report
// for the playbook's advice and for the report's renderings.
package runs

import (
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
)

// VPNAddressNotAllowed is the run where a VPN on tun0 carries the traffic and the address it
// gives, 198.51.100.7, is in none of IT's allowed networks.
func VPNAddressNotAllowed() checks.Report {
	return checkstest.Run(
		checkstest.Result(checks.PublicIP, checks.OK, "198.51.100.7 (3 of 3 sources agree)",
			&netcheck.PublicIPData{IPv4: "198.51.100.7", Addresses: []string{"198.51.100.7"}}),
		checkstest.Result(checks.VPN, checks.Warn, "a VPN carries the traffic: tun0",
			&netcheck.VPNData{Active: true, DefaultRouteInterface: "tun0"},
			checkstest.Finding(checks.FindingVPNActive, checks.Warn, map[string]string{"interface": "tun0"})),
		checkstest.Result(checks.Allowlist, checks.Fail, "198.51.100.7 is in no allowed network",
			&netcheck.AllowlistData{Allowed: false},
			checkstest.Finding(checks.FindingIPNotAllowed, checks.Fail, map[string]string{"address": "198.51.100.7", "vpn_interface": "tun0"})),
	)
}
