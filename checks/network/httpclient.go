package network

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"

	"golang.org/x/net/http/httpproxy"
)

// ProxyFunc chooses the proxy for a request as http.Transport.Proxy does: a nil URL means
// direct.
type ProxyFunc = func(*http.Request) (*url.URL, error)

// SystemProxy returns the proxy this machine's programs use, read now (not cached for the
// life of the process as http.ProxyFromEnvironment is, so a changed setting is seen on the
// next run): the environment's HTTPS_PROXY, HTTP_PROXY and NO_PROXY with
// http.ProxyFromEnvironment's rules; where neither proxy variable is set, the system's
// (Windows: Internet Settings in the registry; elsewhere none). Like the browser, it never
// proxies loopback.
func SystemProxy() ProxyFunc {
	env := httpproxy.FromEnvironment()
	if env.HTTPProxy == "" && env.HTTPSProxy == "" {
		if sys, ok := systemProxy(); ok {
			return sys.forRequest
		}
	}
	byURL := env.ProxyFunc()
	return func(r *http.Request) (*url.URL, error) { return byURL(r.URL) }
}

// ProxyFor names the proxy proxy picks for rawURL, without its password, or "" when it goes
// direct (or rawURL is no URL).
func ProxyFor(proxy ProxyFunc, rawURL string) string {
	req, err := http.NewRequest(http.MethodGet, rawURL, nil)
	if err != nil || rawURL == "" {
		return ""
	}
	u, err := proxy(req)
	if err != nil || u == nil {
		return ""
	}
	return u.Redacted()
}

// NewHTTPClient returns a client for one probe: it dials network only ("tcp4" or "tcp6" to
// ask one address family, "tcp" for either), to the proxy too when proxy picks one; it
// trusts roots (nil: the system's); it never follows a redirect, because a redirect is
// itself the answer a probe judges (a captive portal's, say); and it keeps no connection
// once a response is read, so no goroutine outlives the check.
func NewHTTPClient(network string, proxy ProxyFunc, roots *x509.CertPool) *http.Client {
	return NewHTTPClientDialing(nil, network, proxy, roots)
}

// NewHTTPClientDialing is NewHTTPClient whose connections dial makes (nil: NewDialer's).
func NewHTTPClientDialing(dial DialFunc, network string, proxy ProxyFunc, roots *x509.CertPool) *http.Client {
	dial = DialOr(dial)
	tr := &http.Transport{
		Proxy: proxy,
		DialContext: func(ctx context.Context, _, addr string) (net.Conn, error) {
			return dial(ctx, network, addr)
		},
		TLSClientConfig:   &tls.Config{RootCAs: roots, MinVersion: tls.VersionTLS12},
		DisableKeepAlives: true,
	}
	return &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// ErrTooLong says a body was longer than a probe accepts.
var ErrTooLong = errors.New("answer too long")

// ReadSmall reads all of r when it holds at most limit bytes, and fails with ErrTooLong
// otherwise, after reading no more than limit+1: a huge or endless answer costs nothing.
func ReadSmall(r io.Reader, limit int) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return b, fmt.Errorf("reading the answer: %w", err)
	}
	if len(b) > limit {
		return b[:limit], fmt.Errorf("%w: more than %d bytes", ErrTooLong, limit)
	}
	return b, nil
}
