package netcheck

import "github.com/signin-doctor/signin-doctor/checks"

// The payloads of publicip, vpn, allowlist and reach: each result's Data, whose JSON form is
// the details the package doc lists. Other checks and the app read them through the
// accessors below, never through Details. (Connectivity's is in connectivity_data.go.)

// PublicIPData is what the publicip check found.
type PublicIPData struct {
	IPv4 string `json:"ipv4"` // the family's winner, "" when none
	IPv6 string `json:"ipv6"`
	// Agreement is, per family, none, single, unanimous, majority or split.
	Agreement map[string]string `json:"agreement"`
	// Addresses are the winners, and every address seen in a family without one.
	Addresses []string       `json:"addresses"`
	Sources   []SourceAnswer `json:"sources"`
	Error     string         `json:"error,omitempty"`
}

func (d *PublicIPData) setWinner(family, addr string) {
	if family == ipv4 {
		d.IPv4 = addr
	} else {
		d.IPv6 = addr
	}
}

// VPNData is what the vpn check found.
type VPNData struct {
	Active                    bool              `json:"active"`
	Interfaces                []TunnelInterface `json:"interfaces"`
	DefaultRouteInterface     string            `json:"default_route_interface"`
	DefaultRouteInterfaceIPv6 string            `json:"default_route_interface_ipv6"`
}

// AllowlistData is what the allowlist check found.
type AllowlistData struct {
	Allowed        bool              `json:"allowed"`
	MatchedNetwork map[string]string `json:"matched_network"` // address -> network, "" when none
	Addresses      []string          `json:"addresses"`
}

// ReachData is what the reach check found.
type ReachData struct {
	Endpoints []EndpointResult `json:"endpoints"` // in configuration order
	Proxy     string           `json:"proxy"`     // the proxy the https endpoints went through, "" for direct
	// Mail is how the mail endpoints were reached: "direct", as mail clients do not use
	// the web proxy. Empty when the check was skipped.
	Mail string `json:"mail,omitempty"`
}

// ReachFrom returns the reach check's data; ok is false when the result holds none.
func ReachFrom(r checks.Result) (ReachData, bool) { return checks.PayloadOf[ReachData](r) }

// PublicIPFrom returns the publicip check's data; ok is false when the result holds none.
func PublicIPFrom(r checks.Result) (PublicIPData, bool) { return checks.PayloadOf[PublicIPData](r) }

// VPNFrom returns the vpn check's data; ok is false when the result holds none.
func VPNFrom(r checks.Result) (VPNData, bool) { return checks.PayloadOf[VPNData](r) }

// AllowlistFrom returns the allowlist check's data; ok is false when the result holds none.
func AllowlistFrom(r checks.Result) (AllowlistData, bool) { return checks.PayloadOf[AllowlistData](r) }
