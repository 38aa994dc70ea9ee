package netcheck

import (
	"context"
	"crypto/x509"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
)

// Defaults of the reach check.
const (
	reachTimeout         = 5 * time.Second
	reachEndpointTimeout = 3 * time.Second
)

// ReachOptions tune the reach check.
type ReachOptions struct {
	// Endpoints are network.endpoints: https:// (sign-in host), imaps://host:993,
	// smtps://host:465 and smtp://host:587 (STARTTLS) URLs. A missing port is the scheme's.
	Endpoints []string
	// Roots are the certificate authorities trusted; nil means the system's.
	Roots *x509.CertPool
	// Proxy chooses the proxy for https endpoints; nil means SystemProxy(). Mail endpoints
	// always go direct, as mail clients do.
	Proxy network.ProxyFunc
	// Dial makes every connection: to the https endpoints' proxy or host, and to the mail
	// servers; nil: network.NewDialer's.
	Dial network.DialFunc
	// EndpointTimeout bounds one endpoint, from DNS to the answer; zero means 3 s. A timeout
	// within it is a measurement (a port that drops packets); the check's own deadline is
	// longer, and what it cuts short is unknown.
	EndpointTimeout time.Duration
}

// Reach is the reach check: can this computer reach the service's sign-in host and its mail
// servers, and does anything in between intercept TLS? Every endpoint is tried at once:
// https:// through the proxy (a GET: TLS handshake and any HTTP status count as reached),
// imaps:// and smtps:// directly (TLS handshake, then the "* OK" or "220" greeting), smtp://
// directly (the 220 greeting, EHLO, STARTTLS, the TLS handshake). Nothing signs in.
//
// Details: "endpoints" ([]EndpointResult: url, ok, stage, reason, error, ms, via, issuer,
// http_status), "proxy" (the proxy the https endpoints used, without credentials; "" for
// direct), "mail" ("direct": mail clients do not use the web proxy). Findings (all fail):
//   - tls-intercepted: endpoint, issuer — a certificate that does not verify, whoever sent it
//   - mail-port-blocked: endpoint, port — an imaps/smtps/smtp endpoint refused or timed out
//     at TCP while an https endpoint was reached
//   - endpoint-unreachable: endpoint, stage (dns, tcp, tls, http, proxy or mail)
//
// An endpoint the check's deadline cut short (reason no-time) or a malformed URL gives no
// finding: with no finding and such an endpoint the status is unknown. Offline (connectivity's
// "online": false): unknown at once, "offline".
type Reach struct {
	opts ReachOptions
}

// NewReach returns the reach check.
func NewReach(opts ReachOptions) *Reach {
	if opts.Proxy == nil {
		opts.Proxy = network.SystemProxy()
	}
	if opts.EndpointTimeout <= 0 {
		opts.EndpointTimeout = reachEndpointTimeout
	}
	return &Reach{opts: opts}
}

// Spec implements checks.Check.
func (c *Reach) Spec() checks.Spec {
	return checks.Spec{ID: checks.Reach, Timeout: reachTimeout, Follows: []string{checks.Connectivity}}
}

// Run implements checks.Check: every endpoint is probed at once.
func (c *Reach) Run(ctx context.Context, prior checks.Prior) checks.Result {
	return network.OrIntranet(ctx, prior, func(ctx context.Context) checks.Result { return c.run(ctx, prior) }, c.intranetOnly)
}

// run probes every endpoint under ctx, which ends when connectivity finds this computer
// offline.
func (c *Reach) run(ctx context.Context, prior checks.Prior) checks.Result {
	if network.Offline(ctx) {
		return network.OfflineResult()
	}
	if len(c.opts.Endpoints) == 0 {
		return checks.Finish(checks.Skipped, "no endpoints configured", &ReachData{Endpoints: []EndpointResult{}})
	}
	results := c.probeAll(ctx, func(int) bool { return true })
	return network.OrOffline(ctx, prior, reachResult(results, proxyNamed(results)))
}

// intranetOnly is the check offline: only the endpoints on this computer's own networks (an
// intranet sign-in host, a mail server on the LAN; see network.Intranet) are probed; the
// others are reason offline, which proves nothing. With none such, it is OfflineResult.
func (c *Reach) intranetOnly(ctx context.Context) checks.Result {
	onLAN := network.OnIntranet(ctx, hostsOf(c.opts.Endpoints))
	if !slices.Contains(onLAN, true) {
		return network.OfflineResult()
	}
	results := c.probeAll(ctx, func(i int) bool { return onLAN[i] })
	return reachResult(results, proxyNamed(results))
}

// probeAll probes at once every endpoint whose index ask accepts; the others are reason
// offline.
func (c *Reach) probeAll(ctx context.Context, ask func(i int) bool) []EndpointResult {
	results := make([]EndpointResult, len(c.opts.Endpoints))
	var wg sync.WaitGroup
	for i, raw := range c.opts.Endpoints {
		if !ask(i) {
			results[i] = EndpointResult{URL: raw, Via: "direct", Reason: reasonOffline}
			continue
		}
		wg.Go(func() { results[i] = c.probe(ctx, raw) })
	}
	wg.Wait()
	return results
}

// EndpointResult is what the reach check found at one endpoint (details "endpoints").
type EndpointResult struct {
	URL string `json:"url"`
	OK  bool   `json:"ok"`
	// Stage is where the attempt stopped: dns, tcp, tls, http, proxy (the proxy refused the
	// tunnel) or mail (the server's greeting, EHLO or STARTTLS); "" when ok.
	Stage string `json:"stage,omitempty"`
	// Reason says how: refused, timeout, unreachable, reset, no-such-host, dns-failure,
	// untrusted-certificate, handshake-failed, no-answer, bad-greeting, no-starttls,
	// proxy-refused, proxy-auth-required, or — unknown, not a finding — no-time (the check's
	// deadline cut it short) and unrecognised-error (an error the check does not know).
	Reason string `json:"reason,omitempty"`
	Error  string `json:"error,omitempty"` // the raw error, for IT
	Ms     int64  `json:"ms"`
	// Via is "direct" or the proxy's address (without credentials).
	Via string `json:"via"`
	// Issuer names who issued a certificate that does not verify: the intercepting proxy.
	Issuer     string `json:"issuer,omitempty"`
	HTTPStatus int    `json:"http_status,omitempty"`
	// Certificate is the validity window of a certificate that failed by its dates alone.
	Certificate *CertWindow `json:"certificate,omitempty"`
	mail        bool
	port        string
}

// CertWindow is when a certificate is valid, RFC 3339 in UTC.
type CertWindow struct {
	NotBefore string `json:"not_before"`
	NotAfter  string `json:"not_after"`
}

// unknown reports whether the attempt says nothing about the endpoint: the check's deadline
// cut it short, or it failed with an error the check does not recognise.
func (e EndpointResult) unknown() bool {
	return !e.OK && (e.Reason == reasonNoTime || e.Reason == reasonUnrecognised || e.Reason == reasonOffline)
}

// probe tries one endpoint within the endpoint timeout.
func (c *Reach) probe(ctx context.Context, raw string) EndpointResult {
	start := time.Now()
	res := EndpointResult{URL: raw, Via: "direct"}
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		res.Stage, res.Reason, res.Error = "config", "bad-url", fmt.Sprintf("not an endpoint URL: %q", raw)
		return res
	}
	pctx, cancel := context.WithTimeout(ctx, c.opts.EndpointTimeout)
	defer cancel()
	switch strings.ToLower(u.Scheme) {
	case "https":
		c.probeHTTPS(pctx, u, &res)
	case "imaps", "smtps", "smtp":
		res.mail = true
		res.port = mailPort(u)
		c.probeMail(pctx, u, &res)
	default:
		res.Stage, res.Reason, res.Error = "config", "bad-url", "unsupported scheme "+u.Scheme
	}
	res.Ms = time.Since(start).Milliseconds()
	if !res.OK && ctx.Err() != nil {
		res.Reason = reasonNoTime // the check's deadline, not the endpoint's, ended it
	}
	return res
}

// proxyNamed returns the proxy the https endpoints went through, "" when direct.
func proxyNamed(results []EndpointResult) string {
	for _, r := range results {
		if !r.mail && r.Via != "direct" {
			return r.Via
		}
	}
	return ""
}
