package netcheck

import (
	"context"
	"crypto/x509"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// reachPeers are the real servers of the reach tests, all on 127.0.0.1.
type reachPeers struct {
	web    *peer.Nginx
	mail   *peer.MailServer
	closed int // a port nothing listens on
}

func startReachPeers(t *testing.T) reachPeers {
	t.Helper()
	web := peer.StartNginx(t, peer.NginxConfig{TLS: true, Echo: true, Server: `
    location / { return 403 "sign-in needs a browser"; }
    location /hang { ` + peer.NginxHang + ` }`})
	return reachPeers{web: web, mail: peer.StartMail(t), closed: closedLoopbackPort(t)}
}

// closedLoopbackPort is a port on 127.0.0.1 that refuses connections.
func closedLoopbackPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func (p reachPeers) https(path string) string {
	return fmt.Sprintf("https://127.0.0.1:%d%s", p.web.TLSPort, path)
}

func ep(scheme string, port int) string { return fmt.Sprintf("%s://127.0.0.1:%d", scheme, port) }

// direct is the proxy choice of a machine without one.
func direct(*http.Request) (*url.URL, error) { return nil, nil }

// reachWant is what the check must say: its status and its findings as "id param=value …".
type reachWant struct {
	status   checks.Status
	findings []string
	reasons  []string // of the endpoints not reached, in order; nil: not checked
}

func findingText(f checks.Finding) string {
	s := f.ID
	for _, k := range []string{"endpoint", "stage", "port", "issuer", "proxy", "not_before", "not_after"} {
		if v, ok := f.Params[k]; ok {
			s += " " + k + "=" + v
		}
	}
	return s
}

// runReach runs the check within its own deadline, as the engine does, and checks the verdict.
func runReach(t *testing.T, opts ReachOptions, prior checks.Prior, want reachWant) checks.Result {
	t.Helper()
	c := NewReach(opts)
	ctx, cancel := context.WithTimeout(t.Context(), c.Spec().Timeout)
	defer cancel()
	res := c.Run(ctx, prior)
	if ctx.Err() != nil {
		t.Errorf("the check returned after its deadline of %s", c.Spec().Timeout)
	}
	var got []string
	for _, f := range res.Findings {
		got = append(got, findingText(f))
	}
	if res.Status != want.status || strings.Join(got, "\n") != strings.Join(want.findings, "\n") {
		t.Errorf("got %s with findings\n  %s\nwant %s with\n  %s\nsummary: %s\nendpoints: %+v", res.Status,
			strings.Join(got, "\n  "), want.status, strings.Join(want.findings, "\n  "), res.Summary, res.Details["endpoints"])
	}
	if want.reasons != nil {
		var reasons []string
		for _, e := range mustData(t, ReachFrom, res).Endpoints {
			if !e.OK {
				reasons = append(reasons, e.Reason)
			}
		}
		if strings.Join(reasons, ",") != strings.Join(want.reasons, ",") {
			t.Errorf("reasons %q, want %q", reasons, want.reasons)
		}
	}
	return res
}

func TestReachOnLoopback(t *testing.T) {
	noLeaks(t)
	p := startReachPeers(t)
	stranger := x509.NewCertPool() // trusts neither test CA: what an intercepting proxy looks like
	tests := []struct {
		name      string
		endpoints []string
		roots     *x509.CertPool
		want      reachWant
	}{
		{"given an HTTPS host answering 403 then it is reached", []string{p.https("/")}, p.web.CA,
			reachWant{status: checks.OK}},
		{"given IMAPS, SMTPS and STARTTLS servers then all are reached",
			[]string{ep("imaps", p.mail.IMAPSPort), ep("smtps", p.mail.SMTPSPort), ep("smtp", p.mail.SubmissionPort)}, p.mail.CA,
			reachWant{status: checks.OK}},
		{"given certificates from an unknown issuer then each is interception",
			[]string{p.https("/"), ep("imaps", p.mail.IMAPSPort), ep("smtp", p.mail.SubmissionPort)}, stranger,
			reachWant{status: checks.Fail, findings: []string{
				"tls-intercepted endpoint=" + p.https("/") + " issuer=Sign-in Doctor test CA",
				"tls-intercepted endpoint=" + ep("imaps", p.mail.IMAPSPort) + " issuer=Sign-in Doctor test CA",
				"tls-intercepted endpoint=" + ep("smtp", p.mail.SubmissionPort) + " issuer=Sign-in Doctor test CA",
			}, reasons: []string{reasonUntrusted, reasonUntrusted, reasonUntrusted}}},
		{"given the mail ports refused while https works then they are blocked",
			[]string{p.https("/"), ep("imaps", p.closed), ep("smtps", p.closed)}, p.web.CA,
			reachWant{status: checks.Fail, findings: []string{
				fmt.Sprintf("mail-port-blocked endpoint=%s port=%d", ep("imaps", p.closed), p.closed),
				fmt.Sprintf("mail-port-blocked endpoint=%s port=%d", ep("smtps", p.closed), p.closed),
			}, reasons: []string{reasonRefused, reasonRefused}}},
		{"given https refused too then a refused mail port is only unreachable",
			[]string{ep("https", p.closed), ep("imaps", p.closed)}, p.web.CA,
			reachWant{status: checks.Fail, findings: []string{
				"endpoint-unreachable endpoint=" + ep("https", p.closed) + " stage=tcp",
				"endpoint-unreachable endpoint=" + ep("imaps", p.closed) + " stage=tcp",
			}}},
		{"given an HTTPS host that never answers then it fails at http",
			[]string{p.https("/hang")}, p.web.CA,
			reachWant{status: checks.Fail, findings: []string{"endpoint-unreachable endpoint=" + p.https("/hang") + " stage=http"}, reasons: []string{reasonTimeout}}},
		{"given a web server where IMAPS should be then the greeting fails",
			[]string{ep("imaps", p.web.TLSPort)}, p.web.CA,
			reachWant{status: checks.Fail, findings: []string{"endpoint-unreachable endpoint=" + ep("imaps", p.web.TLSPort) + " stage=mail"}}},
		{"given plain SMTP where SMTPS should be then the TLS handshake fails",
			[]string{ep("smtps", p.mail.SubmissionPort)}, p.mail.CA,
			reachWant{status: checks.Fail, findings: []string{"endpoint-unreachable endpoint=" + ep("smtps", p.mail.SubmissionPort) + " stage=tls"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := ReachOptions{Endpoints: tc.endpoints, Roots: tc.roots, Proxy: direct, EndpointTimeout: time.Second}
			res := runReach(t, opts, netPrior{}, tc.want)
			if res.Details["proxy"] != "" || res.Details["mail"] != "direct" {
				t.Errorf("proxy %q, mail %q: want none and direct", res.Details["proxy"], res.Details["mail"])
			}
		})
	}
}

func TestReachNamesTheProxy(t *testing.T) {
	noLeaks(t)
	p := startReachPeers(t)
	proxy := &url.URL{Scheme: "http", User: url.UserPassword("alice", "s3cret"), Host: fmt.Sprintf("127.0.0.1:%d", p.closed)}
	opts := ReachOptions{
		Endpoints: []string{p.https("/"), ep("imaps", p.mail.IMAPSPort)},
		Roots:     p.mail.CA,
		Proxy:     func(*http.Request) (*url.URL, error) { return proxy, nil },
	}
	res := runReach(t, opts, netPrior{}, reachWant{status: checks.Fail, findings: []string{
		"endpoint-unreachable endpoint=" + p.https("/") + " stage=proxy",
	}})
	via := fmt.Sprintf("http://127.0.0.1:%d", p.closed)
	if res.Details["proxy"] != via {
		t.Errorf("details proxy %q, want %q (and never the password)", res.Details["proxy"], via)
	}
	eps := mustData(t, ReachFrom, res).Endpoints
	if eps[0].Via != via || eps[1].Via != "direct" || !eps[1].OK {
		t.Errorf("endpoints %+v: want https via the proxy, the mail port direct and reached", eps)
	}
	if strings.Contains(res.Summary, "s3cret") || strings.Contains(fmt.Sprint(res.Details), "s3cret") {
		t.Error("the proxy's password is in the result")
	}
}

func TestReachUnknown(t *testing.T) {
	noLeaks(t)
	p := startReachPeers(t)
	t.Run("given connectivity found the computer offline then it is unknown at once", func(t *testing.T) {
		offline := netPrior{checks.Connectivity: verdict(false)}
		res := runReach(t, ReachOptions{Endpoints: []string{p.https("/hang")}, Proxy: direct}, offline, reachWant{status: checks.Unknown})
		if res.Summary != "offline" {
			t.Errorf("summary %q, want offline", res.Summary)
		}
	})
	t.Run("given the check's deadline ends before a hanging host answers then it is unknown, not a finding", func(t *testing.T) {
		c := NewReach(ReachOptions{Endpoints: []string{p.https("/hang")}, Roots: p.web.CA, Proxy: direct, EndpointTimeout: time.Minute})
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		defer cancel()
		res := c.Run(ctx, netPrior{})
		eps := mustData(t, ReachFrom, res).Endpoints
		if res.Status != checks.Unknown || len(res.Findings) != 0 || eps[0].Reason != reasonNoTime {
			t.Errorf("got %s %q %+v, want unknown with reason no-time", res.Status, res.Summary, eps)
		}
		if time.Until(deadlineOf(ctx)) < -200*time.Millisecond {
			t.Error("the check overran its context's deadline")
		}
	})
}

func deadlineOf(ctx context.Context) time.Time { d, _ := ctx.Deadline(); return d }
