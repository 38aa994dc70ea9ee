package netcheck

import "github.com/signin-doctor/signin-doctor/checks"

// ConnectivityData is what the connectivity check found: its result's Data, whose JSON form
// is the details the package doc lists.
type ConnectivityData struct {
	// Online is the verdict: nil when the check could not tell.
	Online *bool            `json:"online,omitempty"`
	Routes map[string]Route `json:"routes"` // family -> the route's local address, or why there is none
	Proxy  string           `json:"proxy,omitempty"`
	DNS    *DNSProbe        `json:"dns,omitempty"`
	Portal *PortalProbe     `json:"portal,omitempty"`
	Reason string           `json:"reason,omitempty"` // why offline: no-route or no-answer
	Error  string           `json:"error,omitempty"`
}

// ConnectivityFrom returns the connectivity check's data from its result; ok is false for a
// result that holds none (the check did not run, or the engine cut it short).
func ConnectivityFrom(r checks.Result) (ConnectivityData, bool) {
	return checks.PayloadOf[ConnectivityData](r)
}

// OnlineFrom returns the connectivity check's verdict: known is false when it could not tell
// (or did not run), and the network checks then go on.
func OnlineFrom(r checks.Result) (online, known bool) {
	d, ok := ConnectivityFrom(r)
	if !ok {
		return false, false
	}
	return d.SaysOnline()
}

// SaysOnline implements network.Verdict: the offline gate of every network check reads the
// connectivity check's verdict through it.
func (d *ConnectivityData) SaysOnline() (online, known bool) {
	if d == nil || d.Online == nil {
		return false, false
	}
	return *d.Online, true
}
