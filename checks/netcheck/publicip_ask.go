package netcheck

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/netip"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/network"
)

// straggle is how long the vote waits for the remaining sources once its outcome is settled:
// long enough for a source that is merely slower to be heard (and a disagreement seen), far
// shorter than the deadline a hanging source would cost everyone.
const straggle = 300 * time.Millisecond

// errVoteSettled is the answer of a source cut off because the vote no longer needed it.
var errVoteSettled = errors.New("no answer before the vote was settled")

// ask asks every source over each family at once and returns every answer, in URL order,
// IPv4 first. It returns by ctx's deadline, or sooner: once every family's vote is settled,
// whatever the sources still out might say, it waits straggle for them and then cuts them off.
func (c *PublicIP) ask(ctx context.Context, urls []string) []SourceAnswer {
	out := make([]SourceAnswer, 0, 2*len(urls))
	for _, fam := range []string{ipv4, ipv6} {
		for _, u := range urls {
			out = append(out, SourceAnswer{URL: u, Family: fam})
		}
	}
	clients := c.clients()
	defer func() {
		for _, cl := range clients {
			cl.CloseIdleConnections()
		}
	}()
	reqCtx, cutOff := context.WithCancel(ctx)
	defer cutOff()
	done := make(chan int, len(out)) // buffered: no sender waits once ask stops listening
	for i := range out {
		go func() { askOne(reqCtx, clients[out[i].Family], &out[i]); done <- i }()
	}
	for _, i := range c.collect(out, done, cutOff) {
		if ctx.Err() == nil && out[i].Address == "" {
			out[i].Error, out[i].Status = errVoteSettled.Error(), 0
		}
	}
	return out
}

// clients returns the HTTP client of each family: the configured ones, or clients through
// the system proxy.
func (c *PublicIP) clients() map[string]*http.Client {
	clientFor := c.opts.Client
	if clientFor == nil {
		proxy := network.SystemProxy()
		clientFor = func(family string) *http.Client { return network.NewHTTPClient(family, proxy, nil) }
	}
	return map[string]*http.Client{ipv4: clientFor(networkOf[ipv4]), ipv6: clientFor(networkOf[ipv6])}
}

// collect waits for every source of out to report its index on done. Once the vote is
// settled it gives the rest straggle, then cuts them off with cutOff, and returns the indices
// of the sources it cut off.
func (c *PublicIP) collect(out []SourceAnswer, done <-chan int, cutOff func()) (cut []int) {
	finished := make([]bool, len(out))
	var closing <-chan time.Time
	for left := len(out); left > 0; {
		select {
		case i := <-done:
			finished[i] = true
			left--
			if closing == nil && cut == nil && settled(out, finished, len(c.opts.URLs)) {
				closing = time.After(straggle)
			}
		case <-closing:
			closing = nil
			for i, f := range finished {
				if !f {
					cut = append(cut, i)
				}
			}
			cutOff()
		}
	}
	return cut
}

// settled reports whether the sources that finished decide every family's vote: each family
// has either heard from all its sources, or has an address named by more than half of them,
// which the rest can no longer outvote. out holds each family's sources in a block of
// perFamily, as ask lays them out; only finished entries are read, the others being written.
func settled(out []SourceAnswer, finished []bool, perFamily int) bool {
	for start := 0; start < len(out); start += perFamily {
		counts := map[string]int{}
		best, all := 0, true
		for i := start; i < start+perFamily; i++ {
			if !finished[i] {
				all = false
			} else if a := out[i].Address; a != "" {
				counts[a]++
				best = max(best, counts[a])
			}
		}
		if !all && 2*best <= perFamily {
			return false
		}
	}
	return true
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
	body, err := network.ReadSmall(resp.Body, maxAnswer)
	if err != nil {
		return netip.Addr{}, resp.StatusCode, err
	}
	a, err := parseEchoAnswer(body, family)
	return a, resp.StatusCode, err
}
