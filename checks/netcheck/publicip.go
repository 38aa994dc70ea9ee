package netcheck

import (
	"context"
	"fmt"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
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
	return checks.Spec{ID: checks.PublicIP, Timeout: c.opts.Timeout, Needs: []string{checks.Connectivity}}
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
	if r, offline := WhenOffline(prior); offline {
		return r
	}
	if len(c.opts.URLs) == 0 {
		return checks.Finish(checks.Skipped, "no IP echo services configured", nil)
	}
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	answers := c.ask(ctx)
	byFamily := map[string][]netip.Addr{}
	for _, a := range answers {
		if addr, err := netip.ParseAddr(a.Address); err == nil {
			byFamily[a.Family] = append(byFamily[a.Family], addr)
		}
	}
	details := map[string]any{"sources": answers}
	agreement := map[string]string{}
	var addresses, parts []string
	var findings []checks.Finding
	for _, fam := range []string{ipv4, ipv6} {
		t := vote(byFamily[fam])
		agreement[fam] = t.agreement
		details[fam] = ""
		if t.winner.IsValid() {
			details[fam] = t.winner.String()
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
	details["agreement"] = agreement
	details["addresses"] = addresses
	summary := strings.Join(parts, "; ")
	switch {
	case len(addresses) == 0:
		if err := ctx.Err(); err != nil {
			details["error"] = err.Error()
		}
		return checks.Finish(checks.Unknown, "no IP echo service answered", details)
	case len(findings) > 0:
		return checks.Finish(checks.Warn, summary, details, findings...)
	}
	return checks.Finish(checks.OK, summary, details)
}

// ask asks every source over each family at once and returns every answer, in URL order,
// IPv4 first. Each request ends by ctx's deadline.
func (c *PublicIP) ask(ctx context.Context) []SourceAnswer {
	clientFor := c.opts.Client
	if clientFor == nil {
		proxy := SystemProxy()
		clientFor = func(network string) *http.Client { return NewHTTPClient(network, proxy, nil) }
	}
	out := make([]SourceAnswer, 0, 2*len(c.opts.URLs))
	for _, fam := range []string{ipv4, ipv6} {
		for _, u := range c.opts.URLs {
			out = append(out, SourceAnswer{URL: u, Family: fam})
		}
	}
	clients := map[string]*http.Client{ipv4: clientFor(networkOf[ipv4]), ipv6: clientFor(networkOf[ipv6])}
	var wg sync.WaitGroup
	for i := range out {
		wg.Go(func() { askOne(ctx, clients[out[i].Family], &out[i]) })
	}
	wg.Wait()
	for _, cl := range clients {
		cl.CloseIdleConnections()
	}
	return out
}

// askOne fills in a's answer from its source.
func askOne(ctx context.Context, client *http.Client, a *SourceAnswer) {
	start := time.Now()
	defer func() { a.MS = time.Since(start).Milliseconds() }()
	addr, status, err := fetchAddress(ctx, client, a.URL, a.Family)
	a.Status = status
	if err != nil {
		a.Error = err.Error()
		return
	}
	a.Address = addr.String()
}

// fetchAddress asks one source and accepts only a 2xx answer whose small body is one public
// address of family.
func fetchAddress(ctx context.Context, client *http.Client, u, family string) (netip.Addr, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return netip.Addr{}, 0, fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("Accept", "text/plain")
	resp, err := client.Do(req)
	if err != nil {
		return netip.Addr{}, 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return netip.Addr{}, resp.StatusCode, fmt.Errorf("HTTP status %d", resp.StatusCode)
	}
	body, err := readSmall(resp.Body, maxAnswer)
	if err != nil {
		return netip.Addr{}, resp.StatusCode, err
	}
	a, err := parseEchoAnswer(body, family)
	return a, resp.StatusCode, err
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
