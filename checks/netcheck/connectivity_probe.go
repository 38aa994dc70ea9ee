package netcheck

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/netip"
	"sync/atomic"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/network"
)

// Route is whether this machine has a route for one family toward the Internet.
type Route struct {
	Local string `json:"local,omitempty"` // the source address the route would use
	Error string `json:"error,omitempty"` // the raw error when there is none, or no answer
	// NoRoute says the error is one that means there is no route in this family (network
	// or host unreachable, no address of the family); false with an Error means the lookup
	// failed in a way that says nothing about routes (on Wine, every UDP socket fails with
	// WSAEOPNOTSUPP), and the probes must decide.
	NoRoute bool `json:"no_route,omitempty"`
}

// routeLookup asks the kernel for the route to a target by connecting a UDP socket to it
// with dial. A UDP connect sends nothing: it only picks the route and source address, or
// fails at once (network unreachable) when there is none. So it reads the routing table,
// default routes and VPN split routes alike, in microseconds and on every OS.
func routeLookup(dial network.DialFunc) func(context.Context, netip.Addr) Route {
	return func(ctx context.Context, target netip.Addr) Route {
		conn, err := dial(ctx, "udp", netip.AddrPortFrom(target, 53).String())
		if err != nil {
			return failedRoute(err)
		}
		defer conn.Close()
		local, ok := conn.LocalAddr().(*net.UDPAddr)
		if !ok {
			return Route{Error: fmt.Sprintf("the route lookup's socket has no UDP address: %v", conn.LocalAddr())}
		}
		return Route{Local: local.AddrPort().Addr().Unmap().String()}
	}
}

// failedRoute is the route lookup that failed with err: no route only when err says so.
func failedRoute(err error) Route {
	return Route{Error: err.Error(), NoRoute: isOneOf(err, unreachableErrnos) || isOneOf(err, noFamilyErrnos)}
}

// outcome is what one probe heard.
type outcome int

const (
	heard     outcome = iota // an answer came: HTTP, or a DNS answer (NXDOMAIN too)
	refused                  // a host reset the connection: something is there, not HTTP
	connected                // a host took the connection, then hung or closed it: a path exists
	silent                   // nothing came back: no route, dropped, timed out, no DNS answer
	cancelled                // the run was cancelled: nothing can be said
	// unrecognised is an error this check does not know: it proves nothing either way, so
	// the check says unknown with the raw error, never offline.
	unrecognised
)

// classify tells what a probe's error says about the network. Only errors it positively
// recognises say something; any other is unrecognised.
func classify(ctx context.Context, err error) outcome {
	var dnsErr *net.DNSError
	switch {
	case err == nil:
		return heard
	case errors.Is(ctx.Err(), context.Canceled):
		return cancelled
	case errors.As(err, &dnsErr) && dnsErr.IsNotFound:
		return heard // a resolver answered that the name does not exist
	case isTimeout(err) || isOneOf(err, unreachableErrnos):
		return silent
	case errors.As(err, &dnsErr) && dnsErr.IsTemporary:
		// The resolver could not be reached, or could not resolve (SERVFAIL: what a LAN's
		// resolver answers when its own upstream is gone).
		return silent
	case isOneOf(err, refusedErrnos):
		return refused
	}
	return unrecognised
}

// DNSProbe is the lookup of the portal's host name.
type DNSProbe struct {
	Host      string   `json:"host"`
	Addresses []string `json:"addresses,omitempty"`
	Error     string   `json:"error,omitempty"`
	MS        int64    `json:"ms"`
}

// PortalProbe is the fetch of the captive-portal URL.
type PortalProbe struct {
	URL      string `json:"url"`
	Status   int    `json:"status,omitempty"`
	Location string `json:"location,omitempty"` // where a redirect points
	Matched  bool   `json:"matched"`            // the answer is the expected one
	// Connected says a TCP connection was made (to the proxy, when there is one), whatever
	// came of it: a host that accepts and then hangs or closes is there, not offline.
	Connected bool   `json:"connected"`
	Error     string `json:"error,omitempty"`
	MS        int64  `json:"ms"`
}

// probeDNS looks host up.
func probeDNS(ctx context.Context, lookup func(context.Context, string) ([]string, error), host string) (DNSProbe, error) {
	start := time.Now()
	addrs, err := lookup(ctx, host)
	p := DNSProbe{Host: host, Addresses: addrs, MS: time.Since(start).Milliseconds()}
	if err != nil {
		p.Error = err.Error()
	}
	return p, err
}

// probePortal fetches url and judges the answer: 204 when body is empty, else 200 with body
// (spaces around it aside).
func probePortal(ctx context.Context, client *http.Client, url, body string) (p PortalProbe, err error) {
	start := time.Now()
	p.URL = url
	defer func() { p.MS = time.Since(start).Milliseconds() }()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		p.Error = err.Error()
		return p, fmt.Errorf("bad portal URL: %w", err)
	}
	var connected atomic.Bool
	trace := &httptrace.ClientTrace{ConnectDone: func(_, _ string, err error) {
		if err == nil {
			connected.Store(true)
		}
	}}
	resp, err := client.Do(req.WithContext(httptrace.WithClientTrace(ctx, trace)))
	p.Connected = connected.Load()
	if err != nil {
		p.Error = err.Error()
		return p, err
	}
	defer resp.Body.Close()
	p.Status, p.Location = resp.StatusCode, resp.Header.Get("Location")
	if body == "" {
		p.Matched = resp.StatusCode == http.StatusNoContent
		return p, nil
	}
	got, err := network.ReadSmall(resp.Body, 2*len(body)+256)
	p.Matched = err == nil && resp.StatusCode == http.StatusOK &&
		bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace([]byte(body)))
	return p, nil
}
