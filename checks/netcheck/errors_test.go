package netcheck

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"net/url"
	"syscall"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
)

// dialErr is a socket call's errno as a dial returns it.
var dialErr = checkstest.DialError

func httpErr(err error) error {
	return &url.Error{Op: "Get", URL: "https://accounts.example/", Err: err}
}

func TestUnexpectedErrorsGiveNoVerdict(t *testing.T) {
	for _, tt := range checkstest.UnexpectedErrors() {
		t.Run(tt.Name, func(t *testing.T) {
			if got := classify(context.Background(), httpErr(tt.Err)); got != unrecognised {
				t.Errorf("classify = %v, want unrecognised", got)
			}
			if r := failedRoute(tt.Err); r.NoRoute || r.Error == "" {
				t.Errorf("route lookup: %+v, want an error that is not no-route", r)
			}
			for _, stage := range []string{"proxy", "tcp", "tls", "http", "mail"} {
				var res EndpointResult
				fail(&res, stage, httpErr(tt.Err))
				if res.Reason != reasonUnrecognised || !res.unknown() || res.Error == "" {
					t.Errorf("at %s: reason %q (unknown %v, error %q), want %s with the raw error", stage, res.Reason, res.unknown(), res.Error, reasonUnrecognised)
				}
			}
		})
	}
}

func TestRecognisedErrors(t *testing.T) {
	timeout := &net.DNSError{Err: "i/o timeout", Name: "accounts.example", IsTimeout: true}
	tests := []struct {
		name    string
		err     error
		noRoute bool    // as a route lookup's error
		probe   outcome // as the portal probe's
		stage   string  // fail's stage
		reason  string  // and the reason it gives
	}{
		{"network unreachable", dialErr("connect", syscall.ENETUNREACH), true, silent, "tcp", reasonUnreachable},
		{"host unreachable", dialErr("connect", syscall.EHOSTUNREACH), true, silent, "tcp", reasonUnreachable},
		{"no address in the family", dialErr("connect", syscall.EADDRNOTAVAIL), true, unrecognised, "tcp", reasonUnrecognised},
		{"refused", dialErr("connect", syscall.ECONNREFUSED), false, refused, "tcp", reasonRefused},
		{"reset after the handshake", dialErr("read", syscall.ECONNRESET), false, refused, "http", reasonReset},
		{"a timeout", fmt.Errorf("waiting: %w", context.DeadlineExceeded), false, silent, "tcp", reasonTimeout},
		{"no such host", &net.DNSError{Err: "no such host", Name: "accounts.example", IsNotFound: true}, false, heard, "dns", reasonNoSuchHost},
		{"the resolver timed out", timeout, false, silent, "dns", reasonTimeout},
		{"the resolver unreachable", &net.DNSError{Err: "connect: network is unreachable", IsTemporary: true}, false, silent, "dns", reasonDNS},
		{"closed without answering", io.EOF, false, unrecognised, "http", reasonNoAnswer},
		{"closed in the handshake", io.ErrUnexpectedEOF, false, unrecognised, "tls", reasonHandshake},
		{"a TLS alert from the server", &net.OpError{Op: "remote error", Err: errors.New("tls: handshake failure")}, false, unrecognised, "tls", reasonHandshake},
		{"not TLS at all", tls.RecordHeaderError{Msg: "first record does not look like a TLS handshake"}, false, unrecognised, "tls", reasonHandshake},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if r := failedRoute(tt.err); r.NoRoute != tt.noRoute {
				t.Errorf("route lookup: no route %v, want %v", r.NoRoute, tt.noRoute)
			}
			if got := classify(context.Background(), httpErr(tt.err)); got != tt.probe {
				t.Errorf("classify = %v, want %v", got, tt.probe)
			}
			var res EndpointResult
			fail(&res, "tcp", httpErr(tt.err))
			if tt.stage == "tls" || tt.stage == "http" {
				res = EndpointResult{}
				fail(&res, tt.stage, httpErr(tt.err))
			}
			if res.Stage != tt.stage || res.Reason != tt.reason {
				t.Errorf("fail: stage %q reason %q, want %q %q", res.Stage, res.Reason, tt.stage, tt.reason)
			}
		})
	}
}

// Under Wine every UDP socket fails with WSAEOPNOTSUPP, and connectivity said "offline: no
// route" while the default route was there. A route lookup that fails that way must leave
// the decision to the probes, and with no probe configured, say it cannot tell.
func TestConnectivityWhenTheRouteLookupFailsOddly(t *testing.T) {
	n := portalPeers(t)
	odd := func(context.Context, netip.Addr) Route { return failedRoute(dialErr("wsaioctl", syscall.Errno(10045))) }
	tests := []struct {
		name   string
		portal string
		status checks.Status
		online any
	}{
		{"given a portal that answers then online", n.URL("/generate_204"), checks.OK, true},
		{"given no portal URL then unknown", "", checks.Unknown, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			directOnly(t)
			c := NewConnectivity(ConnectivityOptions{PortalURL: tt.portal, Proxy: direct})
			c.lookupRoute = odd
			r := c.Run(t.Context(), netPrior{})
			assertConnectivity(t, r, tt.status, tt.online, nil, nil)
			d := mustData(t, ConnectivityFrom, r)
			if d.Routes[ipv4].Error == "" || d.Routes[ipv4].NoRoute {
				t.Errorf("routes %+v: want the raw error, not no-route", d.Routes)
			}
		})
	}
}
