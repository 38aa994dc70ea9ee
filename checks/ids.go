package checks

// Check ids (docs/DESIGN.md). They are a contract: the CLI's --only, the config's checks.disabled,
// the JSON report and the playbook use them.
const (
	Connectivity = "connectivity"
	PublicIP     = "publicip"
	VPN          = "vpn"
	Allowlist    = "allowlist"
	Clock        = "clock"
	TimeSync     = "timesync"
	Browsers     = "browsers"
	Reach        = "reach"
)

// CheckIDs lists every check id in the order reports show them.
func CheckIDs() []string {
	return []string{Connectivity, PublicIP, VPN, Allowlist, Clock, TimeSync, Browsers, Reach}
}

// KnownCheck reports whether id is a check id of docs/DESIGN.md.
func KnownCheck(id string) bool {
	for _, c := range CheckIDs() {
		if c == id {
			return true
		}
	}
	return false
}

// Finding ids (docs/DESIGN.md).
const (
	FindingOffline             = "offline"
	FindingCaptivePortal       = "captive-portal"
	FindingIPSourcesDisagree   = "ip-sources-disagree"
	FindingVPNActive           = "vpn-active"
	FindingIPNotAllowed        = "ip-not-allowed"
	FindingClockSkew           = "clock-skew"
	FindingTimezoneMismatch    = "timezone-mismatch"
	FindingTimeSyncOff         = "time-sync-off"
	FindingNoSupportedBrowser  = "no-supported-browser"
	FindingDefaultUnsupported  = "default-browser-unsupported"
	FindingEndpointUnreachable = "endpoint-unreachable"
	FindingMailPortBlocked     = "mail-port-blocked"
	FindingTLSIntercepted      = "tls-intercepted"
	// FindingProxyAuthRequired: the proxy answered the tunnel 407, it wants a user name and
	// password (which a browser may send by itself: warn, not fail).
	FindingProxyAuthRequired = "proxy-auth-required"
	// FindingCertificateDateInvalid: a certificate that verifies but for its dates, by this
	// computer's clock: evidence that the clock is off.
	FindingCertificateDateInvalid = "certificate-date-invalid"
)

// FindingIDs lists every finding id, for validating a playbook's mapping.
func FindingIDs() []string {
	return []string{
		FindingOffline, FindingCaptivePortal, FindingIPSourcesDisagree, FindingVPNActive,
		FindingIPNotAllowed, FindingClockSkew, FindingTimezoneMismatch, FindingTimeSyncOff,
		FindingNoSupportedBrowser, FindingDefaultUnsupported, FindingEndpointUnreachable,
		FindingMailPortBlocked, FindingTLSIntercepted, FindingProxyAuthRequired, FindingCertificateDateInvalid,
	}
}
