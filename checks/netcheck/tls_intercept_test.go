package netcheck

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// An office's inspecting proxy, for real: squid on loopback ends every tunnel's TLS itself,
// with a certificate for the sign-in host that its own CA signs, and talks to the host (nginx)
// on its own. A computer that trusts only the real CAs (here nginx's) refuses that certificate:
// tls-intercepted, naming the proxy's CA as IT sees it. One that IT gave the proxy's CA (a
// managed PC) reaches the host through it.
func TestReachThroughAnInterceptingProxy(t *testing.T) {
	web := peer.StartNginx(t, peer.NginxConfig{TLS: true, Server: `location / { return 403 "sign-in needs a browser"; }`})
	squid := peer.StartSquid(t, peer.SquidOptions{OriginCAFile: web.CAFile})
	signIn := web.TLSURL("/")
	viaSquid := func(*http.Request) (*url.URL, error) { return squid.URL(), nil }

	t.Run("trusting_the_real_CAs_then_tls-intercepted", func(t *testing.T) {
		noLeaks(t)
		res := runReach(t, ReachOptions{Endpoints: []string{signIn}, Roots: web.CA, Proxy: viaSquid}, netPrior{},
			reachWant{status: checks.Fail, reasons: []string{reasonUntrusted},
				findings: []string{"tls-intercepted endpoint=" + signIn + " issuer=" + peer.SquidCAName}})
		ep := mustData(t, ReachFrom, res).Endpoints[0]
		if ep.Stage != "tls" || ep.Via != "http://"+squid.Addr || ep.Certificate != nil {
			t.Errorf("endpoint %+v: want stopped at TLS through %s, no date window", ep, squid.Addr)
		}
		if !squid.Logged(t, "CONNECT localhost:") {
			t.Errorf("squid logged no tunnel")
		}
	})

	t.Run("trusting_the_proxy_CA_then_reached", func(t *testing.T) {
		noLeaks(t)
		res := runReach(t, ReachOptions{Endpoints: []string{signIn}, Roots: squid.ManagedRoots(t, web.CAFile), Proxy: viaSquid},
			netPrior{}, reachWant{status: checks.OK})
		ep := mustData(t, ReachFrom, res).Endpoints[0]
		if ep.Via != "http://"+squid.Addr || ep.HTTPStatus != http.StatusForbidden || ep.Issuer != "" {
			t.Errorf("endpoint %+v: want the host's 403 through %s", ep, squid.Addr)
		}
		if !squid.Logged(t, "GET https://localhost:") {
			t.Errorf("squid logged no request it decrypted")
		}
	})
}
