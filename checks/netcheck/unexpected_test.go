package netcheck

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
	"github.com/signin-doctor/signin-doctor/checks/network"
)

// The errors no check recognises, given to each check's own seams — its dialer, resolver,
// proxy choice, HTTP client and routing-table reader — one at a time: the check says unknown
// with the raw error in its details, never ok, warn, fail or offline. (checks/proof gives the
// same errors to every dial of the checks as the program wires them.)

// failingDial fails every dial with err.
func failingDial(err error) network.DialFunc {
	return func(context.Context, string, string) (net.Conn, error) { return nil, err }
}

// splitDial makes UDP sockets (the route lookups) as the system does, and fails TCP with err.
func splitDial(err error) network.DialFunc {
	var d net.Dialer
	return func(ctx context.Context, nw, addr string) (net.Conn, error) {
		if strings.HasPrefix(nw, "udp") {
			return d.DialContext(ctx, nw, addr)
		}
		return nil, err
	}
}

// holdsUnknown fails t unless r is unknown, with no finding, with raw in its details.
func holdsUnknown(t *testing.T, r checks.Result, raw error) {
	t.Helper()
	if r.Status != checks.Unknown || len(r.Findings) > 0 {
		t.Fatalf("%s %q, findings %v: want unknown", r.Status, r.Summary, findingIDs(r))
	}
	if _, says := r.Details["online"]; says {
		t.Errorf("details %v say online or offline; want neither", r.Details)
	}
	details, err := json.Marshal(r.Details)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(details), raw.Error()) {
		t.Errorf("details %s: want the raw error %q", details, raw)
	}
}

func TestConnectivityGivenUnexpectedErrors(t *testing.T) {
	const named = "http://portal.test/generate_204"
	unreachable := checkstest.DialError("connect", syscall.ENETUNREACH)
	for _, u := range checkstest.UnexpectedErrors() {
		t.Run(u.Name, func(t *testing.T) {
			directOnly(t)
			rows := []struct {
				name string
				opts ConnectivityOptions
			}{
				// Route lookups and the probe alike.
				{"every_dial", ConnectivityOptions{PortalURL: "http://127.0.0.1:9/generate_204", Dial: failingDial(u.Err)}},
				// The portal's host name does not resolve for a reason nobody knows, and its
				// fetch finds no route: silence beside an unknown error is not offline.
				{"resolver", ConnectivityOptions{PortalURL: named, Dial: splitDial(unreachable),
					LookupHost: func(context.Context, string) ([]string, error) {
						return nil, &net.DNSError{Err: u.Err.Error(), Name: "portal.test"}
					}}},
				// No route, and a proxy setting that cannot be read: a proxy may be the way out.
				{"proxy_setting_with_no_route", ConnectivityOptions{PortalURL: named, Dial: failingDial(unreachable),
					Proxy: func(*http.Request) (*url.URL, error) { return nil, u.Err }}},
				{"proxy_setting", ConnectivityOptions{PortalURL: named, Dial: splitDial(unreachable),
					Proxy: func(*http.Request) (*url.URL, error) { return nil, u.Err }}},
			}
			for _, row := range rows {
				t.Run(row.name, func(t *testing.T) {
					noLeaks(t)
					row.opts.RouteTargets = loopbackRoute
					if row.opts.Proxy == nil {
						row.opts.Proxy = direct
					}
					if row.opts.LookupHost == nil { // this machine's resolver is never asked
						row.opts.LookupHost = func(context.Context, string) ([]string, error) { return nil, errNoResolver }
					}
					holdsUnknown(t, NewConnectivity(row.opts).Run(t.Context(), netPrior{}), u.Err)
				})
			}
		})
	}
}

func TestReachGivenUnexpectedErrors(t *testing.T) {
	endpoints := []string{"https://127.0.0.1:9/", "imaps://127.0.0.1:9", "smtps://127.0.0.1:9", "smtp://127.0.0.1:9"}
	for _, u := range checkstest.UnexpectedErrors() {
		t.Run(u.Name, func(t *testing.T) {
			noLeaks(t)
			res := runReach(t, ReachOptions{Endpoints: endpoints, Proxy: direct, Dial: failingDial(u.Err)}, netPrior{},
				reachWant{status: checks.Unknown, reasons: []string{reasonUnrecognised, reasonUnrecognised, reasonUnrecognised, reasonUnrecognised}})
			holdsUnknown(t, res, u.Err)
			res = runReach(t, ReachOptions{Endpoints: endpoints[:1], Proxy: func(*http.Request) (*url.URL, error) { return nil, u.Err }},
				netPrior{}, reachWant{status: checks.Unknown, reasons: []string{reasonUnrecognised}})
			holdsUnknown(t, res, u.Err)
		})
	}
}

func TestPublicIPGivenUnexpectedErrors(t *testing.T) {
	for _, u := range checkstest.UnexpectedErrors() {
		t.Run(u.Name, func(t *testing.T) {
			noLeaks(t)
			c := NewPublicIP(PublicIPOptions{URLs: []string{"https://127.0.0.1:9/ip", "https://[::1]:9/ip"},
				Client: func(nw string) *http.Client { return network.NewHTTPClientDialing(failingDial(u.Err), nw, direct, nil) }})
			holdsUnknown(t, c.Run(t.Context(), netPrior{}), u.Err)
		})
	}
}

func TestVPNGivenUnexpectedErrors(t *testing.T) {
	for _, u := range checkstest.UnexpectedErrors() {
		t.Run(u.Name, func(t *testing.T) {
			c := NewVPN(VPNOptions{})
			c.read = func(context.Context) (netTable, error) {
				return netTable{}, fmt.Errorf("netlink route dump: %w", u.Err)
			}
			holdsUnknown(t, c.Run(t.Context(), netPrior{}), u.Err)
		})
	}
}
