// Package doctor is Sign-in Doctor's composition root: it builds every check from the
// configuration, in report order, and runs them. The command line, the window and the proof
// suite's fault matrix all build their checks here, so what the matrix tests is what ships.
package doctor

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/browsers"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
	"github.com/signin-doctor/signin-doctor/checks/network"
	"github.com/signin-doctor/signin-doctor/checks/timesync"
	"github.com/signin-doctor/signin-doctor/config"
)

// Overrides replace what the checks would take from this computer: only tests set them. The
// zero value is the shipped program.
type Overrides struct {
	// Proxy is the proxy every HTTP request goes through; nil: the system's, read when each
	// check runs.
	Proxy network.ProxyFunc
	// Roots are the certificate authorities trusted; nil: the system's.
	Roots *x509.CertPool
	// RouteTargets stand for the Internet in connectivity's route lookup; nil: its own.
	RouteTargets []netip.Addr
	// Dial makes every connection the network checks make (route lookups, HTTP, NTP, mail);
	// nil: the system's (network.NewDialer).
	Dial network.DialFunc
}

// Checks makes every check from the configuration, in report order: the order of cause and
// effect (online, the address, the VPN that gives it, whether it is allowed; then the clock;
// then the browsers and the service's hosts).
func Checks(cfg config.Config, o Overrides) []checks.Check {
	var client func(family string) *http.Client // nil: each check's own, through the system proxy
	if o.Proxy != nil || o.Roots != nil || o.Dial != nil {
		proxy := o.Proxy
		if proxy == nil {
			proxy = network.SystemProxy()
		}
		client = func(family string) *http.Client { return network.NewHTTPClientDialing(o.Dial, family, proxy, o.Roots) }
	}
	clockOpts := clock.Options{Servers: cfg.Clock.NTPServers, Thresholds: Thresholds(cfg),
		DateURL: firstHTTPS(cfg.Network.Endpoints), DialNTP: o.Dial}
	if client != nil {
		clockOpts.HTTPClient = client("tcp")
	}
	return []checks.Check{
		netcheck.NewConnectivity(netcheck.ConnectivityOptions{
			PortalURL:    cfg.Network.CaptivePortalURL,
			PortalBody:   cfg.Network.CaptivePortalBody,
			Proxy:        o.Proxy,
			RouteTargets: o.RouteTargets,
			Dial:         o.Dial,
		}),
		netcheck.NewPublicIP(netcheck.PublicIPOptions{URLs: cfg.Network.IPEchoURLs, Client: client}),
		netcheck.NewVPN(netcheck.VPNOptions{}),
		netcheck.NewAllowlist(netcheck.AllowlistOptions{Networks: cfg.Network.AllowedNetworks}),
		clock.New(clockOpts),
		timesync.New(timesync.Options{}),
		browsers.New(browsers.Options{}),
		netcheck.NewReach(netcheck.ReachOptions{Endpoints: cfg.Network.Endpoints, Roots: o.Roots, Proxy: o.Proxy, Dial: o.Dial}),
	}
}

// Thresholds are the configured clock thresholds ([clock] warn_seconds, fail_seconds): the
// clock check's and the one-time-code verdict's.
func Thresholds(cfg config.Config) clock.Thresholds {
	return clock.Thresholds{WarnAt: seconds(cfg.Clock.WarnSeconds), FailAt: seconds(cfg.Clock.FailSeconds)}
}

// Diagnoser runs the checks of one configuration. The checks are made once and kept for the
// life of the process: the clock check remembers a server's kiss-of-death and leaves it alone
// for the back-off, across runs.
type Diagnoser struct {
	cfg  config.Config
	list []checks.Check
}

// New returns the diagnoser of cfg.
func New(cfg config.Config, o Overrides) *Diagnoser {
	return &Diagnoser{cfg: cfg, list: Checks(cfg, o)}
}

// Thresholds are how far this computer's clock may be off (see the function Thresholds).
func (d *Diagnoser) Thresholds() clock.Thresholds { return Thresholds(d.cfg) }

// Run runs the checks ids (with the checks they need and follow; checks.ChecksFor gives a
// symptom's, and every id for none), with the configuration's disabled checks skipped,
// telling observe as each starts and ends. No ids: no checks.
func (d *Diagnoser) Run(ctx context.Context, ids []string, observe func(checks.Event)) checks.Report {
	return checks.Run(ctx, checks.Select(d.list, ids), checks.Options{Disabled: d.cfg.Checks.Disabled, Observe: observe})
}

// ClockOffset runs the clock check alone and gives true time minus this computer's, when the
// check could tell; the one-time-code command and screen use it.
func (d *Diagnoser) ClockOffset(ctx context.Context) (time.Duration, bool) {
	res, ok := d.Run(ctx, []string{checks.Clock}, nil).Result(checks.Clock)
	if !ok {
		return 0, false
	}
	return clock.OffsetFrom(res)
}

// OpenInSupportedBrowser opens rawURL in a browser Google sign-in supports — the default
// when it is one, else the installed one the browsers check suggests — never in an embedded
// web view, which Google refuses (403 disallowed_useragent).
func (d *Diagnoser) OpenInSupportedBrowser(ctx context.Context, rawURL string) error {
	res, _ := d.Run(ctx, []string{checks.Browsers}, nil).Result(checks.Browsers)
	b, ok := browsers.Choose(browsers.FromResult(res))
	if !ok {
		return errors.New("no browser that Google sign-in supports is installed")
	}
	if err := browsers.Open(ctx, b, rawURL); err != nil {
		return fmt.Errorf("opening the sign-in page in %s: %w", b.Name, err)
	}
	return nil
}

func seconds(s float64) time.Duration { return time.Duration(s * float64(time.Second)) }

// firstHTTPS returns the first https:// endpoint: the service's own sign-in host, whose Date
// header is the clock's fallback where NTP is blocked.
func firstHTTPS(endpoints []string) string {
	for _, e := range endpoints {
		if u, err := url.Parse(e); err == nil && u.Scheme == "https" {
			return e
		}
	}
	return ""
}
