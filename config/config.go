// Package config loads Sign-in Doctor's configuration: the TOML file IT ships beside the
// executable (or in the system or user config folder), validated on load so that a bad file
// is an error naming the file, the line and the key, and embedded defaults when there is none.
package config

import "net/netip"

// Config is a validated configuration.
type Config struct {
	// Source is the file the configuration was read from; empty for the embedded defaults.
	Source   string
	Language string // "ja", "en", or empty for the system's language
	Helpdesk Helpdesk
	Service  Service
	Network  Network
	Clock    Clock
	Checks   Checks
	Playbook Playbook
}

// Helpdesk is who the person contacts when a remedy says "ask your administrator".
type Helpdesk struct {
	Name  string
	Email string
	URL   string
	Phone string
}

// Configured reports whether IT named any way to reach the helpdesk.
func (h Helpdesk) Configured() bool {
	return h.Email != "" || h.URL != "" || h.Phone != ""
}

// Service says where the person's Zoho account lives.
type Service struct {
	// Region is the data centre's id ("jp": zoho.jp), or "" when IT named none: the window
	// then asks the person once, and the command line uses DefaultRegion (or --region).
	Region string
}

// Network configures the network checks.
type Network struct {
	AllowedNetworks []netip.Prefix // empty: the allowlist check does not apply
	IPEchoURLs      []string       // plain-text public IP echo services
	Endpoints       []string       // https://, imaps://, smtps:// or smtp:// (STARTTLS) URLs
	// EndpointsSet says IT listed the endpoints: a region then leaves them alone.
	EndpointsSet bool
	// CaptivePortalURL is a plain-HTTP URL that answers 204, or CaptivePortalBody when that
	// is set; anything else means a captive portal is in the way.
	CaptivePortalURL  string
	CaptivePortalBody string
}

// Clock configures the clock check.
type Clock struct {
	NTPServers  []string // host or host:port
	WarnSeconds float64  // |offset| at or above this warns
	FailSeconds float64  // |offset| at or above this fails
}

// Checks configures the engine.
type Checks struct {
	Disabled []string // check ids reported as skipped
}

// Playbook configures the remedies' content.
type Playbook struct {
	File   string   // IT's own playbook replacing the embedded one; relative to the config file
	Hidden []string // symptom ids the home screen does not offer
}

// Default returns the embedded defaults of docs/DESIGN.md.
func Default() Config {
	return Config{
		Network: Network{
			IPEchoURLs: []string{"https://api.ipify.org", "https://icanhazip.com", "https://checkip.amazonaws.com"},
			Endpoints: []string{
				"https://accounts.zoho.com",
				"imaps://imap.zoho.com:993",
				"smtps://smtp.zoho.com:465",
			},
			CaptivePortalURL: "http://connectivitycheck.gstatic.com/generate_204",
		},
		Clock: Clock{
			NTPServers:  []string{"time.google.com", "time.cloudflare.com", "ntp.nict.jp", "pool.ntp.org"},
			WarnSeconds: 10,
			FailSeconds: 30,
		},
	}
}
