package netcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"sync"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
)

// DefaultConnectivityTimeout bounds the connectivity check when its Timeout is zero: long
// enough for a slow portal, short enough that the checks waiting on it keep most of the
// 5 s budget.
const DefaultConnectivityTimeout = 3 * time.Second

// minSilence is how long nothing must come back before a probe cut short by the deadline
// means offline: one cut short by a tight budget says nothing. (A probe that failed on its
// own, unreachable or after the resolver's own timeout, needs no such wait.)
const minSilence = time.Second

// defaultRouteTargets are the addresses whose routes stand for "the Internet": a.root-servers.net,
// whose addresses no LAN, VPN or lab reuses (unlike documentation ranges, which some labs,
// this project's CI among them, put on their LAN). Nothing is ever sent to them.
var defaultRouteTargets = []netip.Addr{
	netip.MustParseAddr("198.41.0.4"),
	netip.MustParseAddr("2001:503:ba3e::2:30"),
}

// ConnectivityOptions configure the connectivity check.
type ConnectivityOptions struct {
	// PortalURL is a plain-HTTP URL that answers 204, or PortalBody when that is set
	// (config network.captive_portal_url, network.captive_portal_body). Empty: no portal
	// probe, and online is decided from the routes alone when there are none.
	PortalURL  string
	PortalBody string
	// Timeout bounds the check; zero means DefaultConnectivityTimeout.
	Timeout time.Duration
	// RouteTargets stand for the Internet in the route lookup; nil: a root name server's
	// IPv4 and IPv6 addresses. Tests on loopback name 127.0.0.1.
	RouteTargets []netip.Addr
	// LookupHost resolves the portal's host name; nil: the system's resolver (NewDialer's).
	LookupHost func(ctx context.Context, host string) ([]string, error)
	// Dial makes the route lookup's UDP sockets and the portal probe's connections (to the
	// proxy, when there is one); nil: network.NewDialer's.
	Dial network.DialFunc
	// Proxy picks the proxy for the portal URL; nil: SystemProxy(), read when the check
	// runs, so the probe goes the way the browser's sign-in goes.
	Proxy network.ProxyFunc
}

// Connectivity decides whether this computer is online, and whether a captive portal is in
// the way.
type Connectivity struct {
	opts ConnectivityOptions
	// lookupRoute finds the route to a target (routeLookup's; tests give it errors to see).
	lookupRoute func(context.Context, netip.Addr) Route
}

// NewConnectivity returns the connectivity check.
func NewConnectivity(opts ConnectivityOptions) *Connectivity {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultConnectivityTimeout
	}
	if len(opts.RouteTargets) == 0 {
		opts.RouteTargets = defaultRouteTargets
	}
	if opts.LookupHost == nil {
		opts.LookupHost = network.NewDialer().Resolver.LookupHost
	}
	return &Connectivity{opts: opts, lookupRoute: routeLookup(network.DialOr(opts.Dial))}
}

// Spec implements checks.Check.
func (c *Connectivity) Spec() checks.Spec {
	return checks.Spec{ID: checks.Connectivity, Timeout: c.opts.Timeout}
}

// Run implements checks.Check. See the package doc for how online is decided.
func (c *Connectivity) Run(ctx context.Context, _ checks.Prior) checks.Result {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	start := time.Now()
	data, proxy, decided := c.routes(ctx)
	if decided != nil {
		return *decided
	}
	dns, portal, dnsErr, portalErr := c.probe(ctx, proxy)
	data.DNS, data.Portal = dns, &portal
	portalOut, dnsOut := classify(ctx, portalErr), silent
	if (portalOut == silent || portalOut == unrecognised) && portal.Connected {
		// A TCP connection accepted proves a path: a portal host that hangs or closes is a
		// broken server (or a proxy's), never a missing network.
		portalOut = connected
	}
	if dns != nil {
		dnsOut = classify(ctx, dnsErr)
	}
	switch {
	case portalErr == nil:
		// Only an HTTP answer to the portal URL tells a portal from the Internet. A resolver
		// saying the well-known name does not exist is heard too, but proves neither: it is
		// a filtering or broken resolver (a sandbox, a misconfigured VPN), and the last case
		// below says unknown rather than calling it a captive portal or offline.
		online := true
		data.Online = &online
		return portalVerdict(portal, data)
	case portalOut == cancelled || dnsOut == cancelled:
		data.Error = ctx.Err().Error()
		return checks.Finish(checks.Unknown, "cancelled before the network answered", data)
	case portalOut == silent && dnsOut == silent:
		if ctx.Err() != nil && time.Since(start) < minSilence {
			data.Error = portal.Error
			return checks.Finish(checks.Unknown, "no answer yet when the time ran out", data)
		}
		return offline(data, "no-answer", "offline: neither DNS nor "+portal.URL+" answered")
	}
	data.Error = portal.Error
	switch {
	case portalOut == unrecognised:
		return checks.Finish(checks.Unknown, "cannot tell: "+portal.URL+" failed with an error this check does not recognise", data)
	case dnsOut == unrecognised:
		data.Error = dns.Error
		return checks.Finish(checks.Unknown, "cannot tell: the lookup of "+dns.Host+" failed with an error this check does not recognise", data)
	}
	return checks.Finish(checks.Unknown, "the network answers, but "+portal.URL+" did not", data)
}

// routes is the first step: a route in either family, and the proxy for the portal URL. It
// decides alone when there is neither (offline) or no portal URL to probe (unknown).
func (c *Connectivity) routes(ctx context.Context) (data *ConnectivityData, proxy network.ProxyFunc, decided *checks.Result) {
	routes := map[string]Route{}
	anyRoute, noRoute := false, true
	for _, t := range c.opts.RouteTargets {
		r := c.lookupRoute(ctx, t)
		routes[familyOf(t)] = r
		anyRoute = anyRoute || r.Error == ""
		noRoute = noRoute && r.NoRoute
	}
	data = &ConnectivityData{Routes: routes}
	proxy = c.opts.Proxy
	if proxy == nil {
		proxy = network.SystemProxy()
	}
	// Behind a proxy the route that matters is the one to the proxy, often on the LAN of a
	// network with no default route at all: only the probe can tell then. A proxy setting
	// that cannot be read may name one: the probe tells too.
	proxyURL := network.ProxyFor(proxy, c.opts.PortalURL)
	data.Proxy = proxyURL
	var res checks.Result
	switch {
	case noRoute && proxyURL == "" && !proxyFails(proxy, c.opts.PortalURL):
		res = offline(data, "no-route", "offline: no route to the Internet")
	case c.opts.PortalURL == "" && anyRoute:
		res = checks.Finish(checks.Unknown, "a route exists; no captive-portal URL is configured to tell more", data)
	case c.opts.PortalURL == "":
		res = checks.Finish(checks.Unknown, "cannot tell: the route lookup failed with an error this check does not recognise, and no captive-portal URL is configured", data)
	default:
		return data, proxy, nil
	}
	return data, proxy, &res
}

// probe looks the portal's host up (when it is a name) and fetches the portal, at once.
// dns is nil when the host is an address.
func (c *Connectivity) probe(ctx context.Context, proxy network.ProxyFunc) (dns *DNSProbe, portal PortalProbe, dnsErr, portalErr error) {
	client := network.NewHTTPClientDialing(c.opts.Dial, "tcp", proxy, nil)
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	if u, err := url.Parse(c.opts.PortalURL); err == nil && u.Hostname() != "" {
		if _, err := netip.ParseAddr(u.Hostname()); err != nil {
			dns = &DNSProbe{}
			wg.Go(func() { *dns, dnsErr = probeDNS(ctx, c.opts.LookupHost, u.Hostname()) })
		}
	}
	portal, portalErr = probePortal(ctx, client, c.opts.PortalURL, c.opts.PortalBody)
	wg.Wait()
	return dns, portal, dnsErr, portalErr
}

// proxyFails reports whether proxy fails to choose for rawURL (a proxy setting it cannot
// read): it neither names a proxy nor says direct.
func proxyFails(proxy network.ProxyFunc, rawURL string) bool {
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil || rawURL == "" {
		return false
	}
	_, err = proxy(req)
	return err != nil
}

// portalVerdict judges the portal's answer: the expected one is OK; the proxy's 407 is the
// proxy asking for a password; anything else means a captive portal (or a filter acting as
// one) answers in the Internet's place.
func portalVerdict(p PortalProbe, data *ConnectivityData) checks.Result {
	if p.Status == http.StatusProxyAuthRequired && data.Proxy != "" {
		// The proxy answered in the portal's place: it wants a user name and password, which
		// a browser may give it. That is no portal, and the network beyond is not known.
		data.Online = nil
		return checks.Finish(checks.Warn, "the proxy "+data.Proxy+" asks for a user name and password (407)", data,
			checks.Finding{ID: checks.FindingProxyAuthRequired, Severity: checks.Warn,
				Params: map[string]string{"endpoint": p.URL, "proxy": data.Proxy}})
	}
	if p.Matched {
		return checks.Finish(checks.OK, fmt.Sprintf("online (%s answered %d in %d ms)", p.URL, p.Status, p.MS), data)
	}
	params := map[string]string{"url": p.URL, "status": fmt.Sprint(p.Status)}
	if p.Location != "" {
		params["location"] = p.Location
	}
	return checks.Finish(checks.Fail,
		fmt.Sprintf("captive portal: %s answered %d instead of the expected answer", p.URL, p.Status),
		data, checks.Finding{ID: checks.FindingCaptivePortal, Severity: checks.Fail, Params: params})
}

// offline is the result for a computer that cannot reach the Internet.
func offline(data *ConnectivityData, reason, summary string) checks.Result {
	online := false
	data.Online, data.Reason = &online, reason
	return checks.Finish(checks.Fail, summary, data,
		checks.Finding{ID: checks.FindingOffline, Severity: checks.Fail, Params: map[string]string{"reason": reason}})
}

// familyOf names a's address family.
func familyOf(a netip.Addr) string {
	if a.Is4() {
		return ipv4
	}
	return ipv6
}
