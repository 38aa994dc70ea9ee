package netcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
)

// Address families, as details and params name them.
const (
	ipv4 = "ipv4"
	ipv6 = "ipv6"
)

// networkOf is the dial network that asks one family only.
var networkOf = map[string]string{ipv4: "tcp4", ipv6: "tcp6"}

// DefaultPublicIPTimeout bounds the publicip check when PublicIPOptions.Timeout is zero.
const DefaultPublicIPTimeout = 4 * time.Second

// PublicIPOptions configure the publicip check.
type PublicIPOptions struct {
	// URLs are plain-text IP echo services (config network.ip_echo_urls), each asked once
	// over IPv4 and once over IPv6.
	URLs []string
	// Timeout bounds the check; zero means DefaultPublicIPTimeout.
	Timeout time.Duration
	// Client returns the client that dials network ("tcp4" or "tcp6") only. Nil:
	// NewHTTPClient(network, SystemProxy(), nil), with the proxy read when the check runs.
	Client func(network string) *http.Client
}

// PublicIP finds this computer's public addresses by asking several echo services.
type PublicIP struct {
	opts PublicIPOptions
}

// NewPublicIP returns the publicip check.
func NewPublicIP(opts PublicIPOptions) *PublicIP {
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultPublicIPTimeout
	}
	return &PublicIP{opts: opts}
}

// Spec implements checks.Check.
func (c *PublicIP) Spec() checks.Spec {
	return checks.Spec{ID: checks.PublicIP, Timeout: c.opts.Timeout, Follows: []string{checks.Connectivity}}
}

// SourceAnswer is what one echo service said for one family: an address, or why not.
type SourceAnswer struct {
	URL     string `json:"url"`
	Family  string `json:"family"`
	Address string `json:"address,omitempty"`
	Status  int    `json:"status,omitempty"` // the HTTP status, when one came
	Error   string `json:"error,omitempty"`
	MS      int64  `json:"ms"`
}

// Run implements checks.Check.
func (c *PublicIP) Run(ctx context.Context, prior checks.Prior) checks.Result {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	measure := func(ctx context.Context) checks.Result { return c.run(ctx, prior) }
	// No way to the Internet: an echo service on IT's own network may still answer.
	intranet := func(ctx context.Context) checks.Result {
		if lan := intranetURLs(ctx, c.opts.URLs); len(lan) > 0 {
			return c.judge(c.ask(ctx, lan), ctx.Err())
		}
		return network.OfflineResult()
	}
	return network.OrIntranet(ctx, prior, measure, intranet)
}

// run asks every source under ctx, which ends when connectivity finds this computer offline.
func (c *PublicIP) run(ctx context.Context, prior checks.Prior) checks.Result {
	if network.Offline(ctx) {
		return network.OfflineResult()
	}
	if len(c.opts.URLs) == 0 {
		return checks.Finish(checks.Skipped, "no IP echo services configured", nil)
	}
	return network.OrOffline(ctx, prior, c.judge(c.ask(ctx, c.opts.URLs), ctx.Err()))
}

// intranetURLs returns the URLs whose hosts are on this computer's own networks (see
// network.Intranet).
func intranetURLs(ctx context.Context, urls []string) []string {
	var lan []string
	for i, on := range network.OnIntranet(ctx, hostsOf(urls)) {
		if on {
			lan = append(lan, urls[i])
		}
	}
	return lan
}

// hostsOf returns each URL's host ("" for one that is no URL, which is on no intranet).
func hostsOf(urls []string) []string {
	hosts := make([]string, len(urls))
	for i, raw := range urls {
		if u, err := url.Parse(raw); err == nil {
			hosts[i] = u.Hostname()
		}
	}
	return hosts
}

// judge votes per family on the sources' answers; ctxErr is why asking stopped, if it did.
func (c *PublicIP) judge(answers []SourceAnswer, ctxErr error) checks.Result {
	byFamily := map[string][]netip.Addr{}
	for _, a := range answers {
		if addr, err := netip.ParseAddr(a.Address); err == nil {
			byFamily[a.Family] = append(byFamily[a.Family], addr)
		}
	}
	data := &PublicIPData{Sources: answers, Agreement: map[string]string{}}
	var addresses, parts []string
	var findings []checks.Finding
	for _, fam := range []string{ipv4, ipv6} {
		t := vote(byFamily[fam])
		data.Agreement[fam] = t.agreement
		if t.winner.IsValid() {
			data.setWinner(fam, t.winner.String())
			addresses = append(addresses, t.winner.String())
		} else {
			addresses = append(addresses, addrStrings(t.seen)...)
		}
		parts = append(parts, familySummary(fam, t, len(c.opts.URLs)))
		if t.disagree() {
			findings = append(findings, checks.Finding{
				ID: checks.FindingIPSourcesDisagree, Severity: checks.Warn,
				Params: map[string]string{"family": fam, "addresses": strings.Join(addrStrings(t.seen), ", ")},
			})
		}
	}
	data.Addresses = addresses
	summary := strings.Join(parts, "; ")
	switch {
	case len(addresses) == 0:
		if ctxErr != nil {
			data.Error = ctxErr.Error()
		}
		return checks.Finish(checks.Unknown, "no IP echo service answered", data)
	case len(findings) > 0:
		return checks.Finish(checks.Warn, summary, data, findings...)
	}
	return checks.Finish(checks.OK, summary, data)
}

// familySummary says in a few words what the vote of one family found.
func familySummary(fam string, t tally, sources int) string {
	name := map[string]string{ipv4: "IPv4", ipv6: "IPv6"}[fam]
	switch {
	case t.agreement == agreeNone:
		return "no public " + name
	case t.winner.IsValid() && !t.disagree():
		return fmt.Sprintf("public %s %s (%d of %d sources)", name, t.winner, t.votes, sources)
	case t.winner.IsValid():
		return fmt.Sprintf("public %s %s (%d of %d sources; others saw %s)", name, t.winner, t.votes,
			sources, strings.Join(addrStrings(t.seen[1:]), ", "))
	}
	return fmt.Sprintf("sources disagree on the public %s: %s", name, strings.Join(addrStrings(t.seen), ", "))
}

func addrStrings(as []netip.Addr) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	return out
}
