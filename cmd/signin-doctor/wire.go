package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/browsers"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/config"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
	"github.com/signin-doctor/signin-doctor/checks/timesync"
)

// buildChecks makes every check of docs/DESIGN.md from the configuration, in report order: the
// order of cause and effect (online, the address, the VPN that gives it, whether it is
// allowed; then the clock; then the browsers and the service's hosts).
func buildChecks(cfg config.Config) []checks.Check {
	return []checks.Check{
		netcheck.NewConnectivity(netcheck.ConnectivityOptions{
			PortalURL:  cfg.Network.CaptivePortalURL,
			PortalBody: cfg.Network.CaptivePortalBody,
		}),
		netcheck.NewPublicIP(netcheck.PublicIPOptions{URLs: cfg.Network.IPEchoURLs}),
		netcheck.NewVPN(netcheck.VPNOptions{}),
		netcheck.NewAllowlist(netcheck.AllowlistOptions{Networks: cfg.Network.AllowedNetworks}),
		clock.New(clock.Options{
			Servers: cfg.Clock.NTPServers,
			WarnAt:  clockThresholds(cfg).WarnAt,
			FailAt:  clockThresholds(cfg).FailAt,
			DateURL: firstHTTPS(cfg.Network.Endpoints),
		}),
		timesync.New(timesync.Options{}),
		browsers.New(browsers.Options{}),
		netcheck.NewReach(netcheck.ReachOptions{Endpoints: cfg.Network.Endpoints}),
	}
}

// diagnoser runs the checks of one configuration. The checks are made once and kept for the
// life of the process: the clock check remembers a server's kiss-of-death and leaves it alone
// for the back-off, across runs.
type diagnoser struct {
	cfg  config.Config
	list []checks.Check
	// thresholds are how far this computer's clock may be off: the clock check's and the
	// one-time-code verdict's.
	thresholds clock.Thresholds
}

func newDiagnoser(cfg config.Config) *diagnoser {
	return &diagnoser{cfg: cfg, list: buildChecks(cfg), thresholds: clockThresholds(cfg)}
}

// clockThresholds are the configured clock thresholds (config [clock]).
func clockThresholds(cfg config.Config) clock.Thresholds {
	return clock.Thresholds{WarnAt: seconds(cfg.Clock.WarnSeconds), FailAt: seconds(cfg.Clock.FailSeconds)}
}

// run runs the checks ids (with the checks they need).
func (d *diagnoser) run(ctx context.Context, ids []string, observe func(checks.Event)) checks.Report {
	return checks.Run(ctx, checks.Select(d.list, ids), checks.Options{Disabled: d.cfg.Checks.Disabled, Observe: observe})
}

// clockOffset runs the clock check alone and gives true time minus this computer's, when the
// check could tell; the totp command and screen use it.
func (d *diagnoser) clockOffset(ctx context.Context) (time.Duration, bool) {
	res, ok := d.run(ctx, []string{checks.Clock}, nil).Result(checks.Clock)
	if !ok || res.Status == checks.Unknown || res.Status == checks.Skipped {
		return 0, false
	}
	ms, ok := res.Details["offset_ms"].(float64)
	return time.Duration(ms * float64(time.Millisecond)), ok
}

// openInSupportedBrowser opens rawURL in a browser Google sign-in supports — the default
// when it is one, else the installed one the browsers check suggests — never in an embedded
// web view, which Google refuses (403 disallowed_useragent).
func (d *diagnoser) openInSupportedBrowser(ctx context.Context, rawURL string) error {
	res, _ := d.run(ctx, []string{checks.Browsers}, nil).Result(checks.Browsers)
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
