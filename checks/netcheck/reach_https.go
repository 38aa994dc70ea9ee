package netcheck

import (
	"context"
	"crypto/tls"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"sync/atomic"

	"github.com/signin-doctor/signin-doctor/checks/network"
)

// httpsProgress records how far a request got, from the client's trace hooks, so that a
// failure is placed at its stage: the transport's errors alone do not say.
type httpsProgress struct {
	connected, tlsStarted, tlsDone atomic.Bool
	proxyStatus                    atomic.Int32 // the proxy's answer to CONNECT; 0 before one
}

// watchProxy records the proxy's answer to the tunnel request in p.
func (p *httpsProgress) watchProxy(tr *http.Transport) {
	tr.OnProxyConnectResponse = func(_ context.Context, _ *url.URL, _ *http.Request, resp *http.Response) error {
		p.proxyStatus.Store(int32(resp.StatusCode))
		return nil
	}
}

func (p *httpsProgress) trace() *httptrace.ClientTrace {
	return &httptrace.ClientTrace{
		ConnectDone: func(_, _ string, err error) {
			if err == nil {
				p.connected.Store(true)
			}
		},
		TLSHandshakeStart: func() { p.tlsStarted.Store(true) },
		TLSHandshakeDone: func(_ tls.ConnectionState, err error) {
			if err == nil {
				p.tlsDone.Store(true)
			}
		},
	}
}

// stage names where a request that failed stopped. Through a proxy the TCP connection is the
// proxy's, and what fails before the TLS handshake starts is the proxy's tunnel.
func (p *httpsProgress) stage(viaProxy bool) string {
	switch {
	case viaProxy && !p.tlsStarted.Load():
		return "proxy"
	case !p.connected.Load():
		return "tcp"
	case !p.tlsDone.Load():
		return "tls"
	}
	return "http"
}

// probeHTTPS makes one GET through the proxy the options choose: any HTTP answer, whatever its
// status, means the host was reached. The body is not read.
func (c *Reach) probeHTTPS(ctx context.Context, u *url.URL, res *EndpointResult) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		res.Stage, res.Reason, res.Error = "config", "bad-url", err.Error()
		return
	}
	proxyURL, err := c.opts.Proxy(req)
	if err != nil {
		fail(res, "proxy", err)
		return
	}
	if proxyURL != nil {
		res.Via = proxyURL.Scheme + "://" + proxyURL.Host // never the credentials
	}
	var p httpsProgress
	client := network.NewHTTPClientDialing(c.opts.Dial, "tcp", func(*http.Request) (*url.URL, error) { return proxyURL, nil }, c.opts.Roots)
	defer client.CloseIdleConnections()
	if tr, ok := client.Transport.(*http.Transport); ok {
		p.watchProxy(tr)
	}
	resp, err := client.Do(req.WithContext(httptrace.WithClientTrace(ctx, p.trace())))
	if err != nil {
		fail(res, p.stage(proxyURL != nil), err)
		if status := int(p.proxyStatus.Load()); status != 0 && status != http.StatusOK && res.Stage == "proxy" {
			// The proxy answered the tunnel request, and said no.
			res.Reason, res.HTTPStatus = reasonProxyRefused, status
			if status == http.StatusProxyAuthRequired {
				res.Reason = reasonProxyAuth
			}
		}
		return
	}
	resp.Body.Close()
	res.OK, res.HTTPStatus = true, resp.StatusCode
}
