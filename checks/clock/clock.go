package clock

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
)

// Defaults of docs/DESIGN.md and of this check's own budget.
const (
	DefaultWarnAt          = 10 * time.Second
	DefaultFailAt          = 30 * time.Second
	DefaultTimeout         = 3 * time.Second
	DefaultNTPWait         = 1500 * time.Millisecond
	DefaultMaxRootDistance = 2 * time.Second
	DefaultRateBackoff     = 5 * time.Minute
)

// Options configure the check. Zero values take the defaults.
type Options struct {
	// Servers are NTP servers, "host" or "host:port" (config clock.ntp_servers).
	Servers []string
	// Thresholds are the |offset| thresholds (config clock.warn_seconds and
	// clock.fail_seconds); zero: the defaults.
	Thresholds Thresholds
	// DateURL is the HTTPS URL whose Date header is the fallback when no NTP server answers:
	// the first https:// entry of config network.endpoints. Empty: no fallback.
	DateURL string
	// HTTPClient makes the fallback request; nil: a client through the system proxy.
	HTTPClient *http.Client
	// DialNTP makes the NTP queries' UDP sockets; nil: network.NewDialer's.
	DialNTP network.DialFunc
	// Timeout is the check's deadline (Spec.Timeout); NTPWait is how much of it NTP servers
	// get before the fallback is tried.
	Timeout, NTPWait time.Duration
	// MaxRootDistance drops NTP answers whose root distance is larger: they cannot tell the
	// offset to the precision the thresholds need.
	MaxRootDistance time.Duration
	// RateBackoff is how long a server that sent a kiss-of-death RATE is left alone.
	RateBackoff time.Duration
	// Now reads the local clock; nil: time.Now. Only the back-off bookkeeping and the HTTPS
	// fallback read it; NTP timestamps come from the ntp package (kernel timestamps where the
	// OS has them).
	Now func() time.Time
}

// Check is the clock check. It is safe for concurrent use; it remembers the kiss-of-death
// answers of its servers between runs.
type Check struct {
	opts Options
	kod  *kissMemory
}

// New returns the clock check with opts, defaults filled in.
func New(opts Options) *Check {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.NTPWait <= 0 || opts.NTPWait > opts.Timeout {
		opts.NTPWait = min(DefaultNTPWait, opts.Timeout/2)
	}
	if opts.MaxRootDistance <= 0 {
		opts.MaxRootDistance = DefaultMaxRootDistance
	}
	if opts.RateBackoff <= 0 {
		opts.RateBackoff = DefaultRateBackoff
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = defaultHTTPClient()
	}
	opts.DialNTP = network.DialOr(opts.DialNTP)
	return &Check{opts: opts, kod: &kissMemory{quiet: map[string]kiss{}}}
}

// Spec implements checks.Check.
func (c *Check) Spec() checks.Spec {
	return checks.Spec{ID: checks.Clock, Timeout: c.opts.Timeout, Follows: []string{checks.Connectivity}}
}

// Run implements checks.Check.
func (c *Check) Run(ctx context.Context, prior checks.Prior) checks.Result {
	measure := func(ctx context.Context) checks.Result { return c.run(ctx, prior) }
	// No way to the Internet: an office's own time server may still answer.
	intranet := func(ctx context.Context) checks.Result {
		if lan := c.intranetServers(ctx); len(lan) > 0 {
			return c.askIntranet(ctx, lan)
		}
		return network.OfflineResult()
	}
	return network.OrIntranet(ctx, prior, measure, intranet)
}

// run measures under ctx, which ends when the connectivity check finds this computer offline.
func (c *Check) run(ctx context.Context, prior checks.Prior) checks.Result {
	if network.Offline(ctx) {
		return network.OfflineResult()
	}
	m, outcomes, err := c.measure(ctx)
	if err != nil {
		r := checks.Finish(checks.Unknown, "no time source answered", &Data{Servers: outcomes, Error: err.Error()})
		return network.OrOffline(ctx, prior, r)
	}
	return network.OrOffline(ctx, prior, c.verdict(m, outcomes))
}

// intranetServers returns the configured NTP servers on this computer's own networks (see
// network.Intranet).
func (c *Check) intranetServers(ctx context.Context) []string {
	servers := distinct(c.opts.Servers)
	var lan []string
	for i, on := range network.OnIntranet(ctx, servers) {
		if on {
			lan = append(lan, servers[i])
		}
	}
	return lan
}

// askIntranet asks only the intranet servers, offline as this computer is: their answer is a
// verdict like any other; without one the check cannot tell.
func (c *Check) askIntranet(ctx context.Context, servers []string) checks.Result {
	ntpCtx, cancel := context.WithTimeout(ctx, c.opts.NTPWait)
	best, outcomes := c.queryAll(ntpCtx, servers)
	cancel()
	if best == nil {
		return checks.Finish(checks.Unknown, "offline, and no time server on this network answered",
			&Data{Servers: outcomes, Error: errNoSource.Error()})
	}
	return c.verdict(*best, outcomes)
}

// measurement is one source's answer: the offset of true time from local time and its bound.
type measurement struct {
	Offset, Error, RTT time.Duration
	Server, Method     string
	Note               string // what else the source showed: a certificate this clock calls invalid
}

// errNoSource says that neither NTP nor the HTTPS fallback could tell the time.
var errNoSource = errors.New("no NTP server gave a valid answer and no HTTPS Date fallback answered")

// measure asks the NTP servers, then the HTTPS fallback when none gave a valid answer.
func (c *Check) measure(ctx context.Context) (measurement, []ServerOutcome, error) {
	ntpCtx, cancel := context.WithTimeout(ctx, c.opts.NTPWait)
	best, outcomes := c.queryAll(ntpCtx, distinct(c.opts.Servers))
	cancel()
	if best != nil {
		return *best, outcomes, nil
	}
	if c.opts.DateURL == "" {
		return measurement{}, outcomes, errNoSource
	}
	m, err := httpsDate(ctx, c.opts.HTTPClient, c.opts.DateURL, c.opts.Now)
	outcomes = append(outcomes, dateOutcome(c.opts.DateURL, m, err))
	if err != nil {
		return measurement{}, outcomes, errors.Join(errNoSource, err)
	}
	return m, outcomes, nil
}

// kissMemory holds the servers that told us to go away, until when.
type kissMemory struct {
	mu    sync.Mutex
	quiet map[string]kiss
}

// kiss is one server's kiss-of-death: its code and when the server may be asked again (zero:
// never).
type kiss struct {
	code  string
	until time.Time
}
