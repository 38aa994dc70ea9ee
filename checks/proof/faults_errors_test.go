package proof

import (
	"context"
	"net"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
)

// unexpectedRows give every connection the network checks make — connectivity's route
// lookups and portal probe, the echo services, NTP, the HTTPS Date, the sign-in host and a
// mail server — one error no check recognises: an unsupported socket option, Wine's
// WSAEOPNOTSUPP, a permission error, an odd errno, an error with no errno. Each check must
// say unknown with that raw error in its details: no check may turn what it does not know
// into ok, a finding, or "offline". The checks that read only this computer (timesync's
// command runner and registry, the browsers' registry, vpn's routing table) get the same
// errors in their own packages' tests.
func unexpectedRows() []fault {
	var rows []fault
	for _, u := range checkstest.UnexpectedErrors() {
		raw := u.Err.Error()
		rows = append(rows, fault{
			name: "given every dial failing with " + u.Name + " then every network check is unknown",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				wire.Dial = func(context.Context, string, string) (net.Conn, error) { return nil, u.Err }
				wire.Endpoints = append(wire.Endpoints, "imaps://"+closedPort(t, "tcp"))
			},
			want: map[string]expect{
				checks.Connectivity: {Status: checks.Unknown, Raw: raw},
				checks.PublicIP:     {Status: checks.Unknown, Raw: raw},
				checks.Allowlist:    {Status: checks.Unknown},
				checks.Clock:        {Status: checks.Unknown, Raw: raw},
				checks.Reach:        {Status: checks.Unknown, Raw: raw},
			},
		})
	}
	return rows
}
