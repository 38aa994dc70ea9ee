package proof

import (
	"crypto/x509"
	"net/http"
	"net/netip"
	"net/url"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
)

// wiring is what cmd/signin-doctor's buildChecks takes from the configuration, pointed at the
// test's peers: the same constructors with the same options, plus only what a test must inject
// (routes toward loopback, the peers' CA, a proxy).
type wiring struct {
	PortalURL, PortalBody string
	EchoURLs              []string
	NTP                   []string
	DateURL               string
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
}

var loopbackTargets = []netip.Addr{netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("::1")}

// checks returns the network checks in buildChecks' order. The checks that read only this
// computer (timesync, browsers) are left out: no network fault reaches them, and the vpn
// check stays because allowlist reads it.
func (w wiring) checks() []checks.Check {
	proxy := direct
	if w.Proxy != nil {
		proxy = http.ProxyURL(w.Proxy)
	}
	client := func(network string) *http.Client { return netcheck.NewHTTPClient(network, proxy, w.Roots) }
	conn := netcheck.ConnectivityOptions{PortalURL: w.PortalURL, PortalBody: w.PortalBody, Proxy: proxy}
	if !w.RealRoutes {
		conn.RouteTargets = loopbackTargets
	}
	return []checks.Check{
		netcheck.NewConnectivity(conn),
		netcheck.NewPublicIP(netcheck.PublicIPOptions{URLs: w.EchoURLs, Client: client}),
		netcheck.NewVPN(netcheck.VPNOptions{}),
		netcheck.NewAllowlist(netcheck.AllowlistOptions{Networks: w.Allowed}),
		clock.New(clock.Options{Servers: w.NTP, DateURL: w.DateURL, HTTPClient: client("tcp")}),
		netcheck.NewReach(netcheck.ReachOptions{Endpoints: w.Endpoints, Roots: w.Roots, Proxy: proxy}),
	}
}

// direct is the proxy choice of a machine without one.
func direct(*http.Request) (*url.URL, error) { return nil, nil }
