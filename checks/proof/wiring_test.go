package proof

import (
	"crypto/x509"
	"net/http"
	"net/netip"
	"net/url"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/doctor"
)

// wiring is a configuration pointed at the test's peers, and what only a test injects (routes
// toward loopback, the peers' CA, a proxy). Its checks are built by the shipped composition
// root (doctor.Checks), so the matrix tests what ships: the clock's HTTPS Date fallback, for
// one, is the first https endpoint, as in the program.
type wiring struct {
	PortalURL, PortalBody string
	EchoURLs              []string
	NTP                   []string
	Endpoints             []string
	Allowed               []netip.Prefix
	// Proxy, when set, is the proxy every HTTP request goes through; nil: direct, since the
	// system proxy never proxies loopback.
	Proxy *url.URL
	// Roots trust the peers' certificates; nil: the system's.
	Roots *x509.CertPool
	// RealRoutes keeps connectivity's own route targets (the Internet's), for rows inside a
	// network namespace; otherwise loopback stands for the Internet.
	RealRoutes bool
	// Dial, when set, makes every connection the checks make: a row's own errors.
	Dial network.DialFunc
}

var loopbackTargets = []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("::1")}

// networkChecks are the checks the matrix runs: the ones that read only this computer
// (timesync, browsers) are left out, as no network fault reaches them; vpn stays, since
// allowlist reads it.
var networkChecks = []string{checks.Connectivity, checks.PublicIP, checks.VPN, checks.Allowlist, checks.Clock, checks.Reach}

// config is the configuration file the wiring stands for.
func (w wiring) config() config.Config {
	cfg := config.Default()
	cfg.Network.CaptivePortalURL, cfg.Network.CaptivePortalBody = w.PortalURL, w.PortalBody
	cfg.Network.IPEchoURLs = w.EchoURLs
	cfg.Network.Endpoints = w.Endpoints
	cfg.Network.AllowedNetworks = w.Allowed
	cfg.Clock.NTPServers = w.NTP
	return cfg
}

// checks returns the network checks as the program builds them from the configuration.
func (w wiring) checks() []checks.Check {
	o := doctor.Overrides{Proxy: direct, Roots: w.Roots, Dial: w.Dial}
	if w.Proxy != nil {
		o.Proxy = http.ProxyURL(w.Proxy)
	}
	if !w.RealRoutes {
		o.RouteTargets = loopbackTargets
	}
	return checks.Select(doctor.Checks(w.config(), o), networkChecks)
}

// direct is the proxy choice of a machine without one.
func direct(*http.Request) (*url.URL, error) { return nil, nil }
