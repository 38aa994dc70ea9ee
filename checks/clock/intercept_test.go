package clock

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// Where UDP 123 is blocked the HTTPS Date stands in, and in an office it comes through the
// inspecting proxy (squid, ssl_bump), which makes the host's certificate itself. A Date that
// came over a certificate this computer does not verify is anybody's: it must not be taken
// for true time (unknown, the certificate named). On a managed PC that trusts the proxy's CA
// the host's Date comes through, and is measured.
func TestHTTPSDateThroughAnInterceptingProxy(t *testing.T) {
	const ahead = 40 * time.Second // the host's clock: were its Date taken, the check would fail
	web := peer.StartNginx(t, peer.NginxConfig{Server: "location / { return 204; }", TLS: true, Env: peer.FakeTimeEnv(t, ahead)})
	squid := peer.StartSquid(t, peer.SquidOptions{OriginCAFile: web.CAFile})
	viaSquid := func(*http.Request) (*url.URL, error) { return squid.URL(), nil }
	check := func(client *http.Client) checks.Result {
		c := New(Options{Servers: []string{closedAddr(t, "udp")}, DateURL: web.TLSURL("/"), HTTPClient: client, NTPWait: 300 * time.Millisecond})
		return run(t, c, nil)
	}

	t.Run("trusting_the_real_CAs_then_unknown", func(t *testing.T) {
		r := check(network.NewHTTPClient("tcp", viaSquid, web.CA))
		if _, known := OffsetFrom(r); known || r.Status != checks.Unknown {
			t.Fatalf("%s %q, offset known %v: want unknown, the intercepted Date not taken", r.Status, r.Summary, known)
		}
		o := outcomes(t, r)
		if last := o[len(o)-1]; last.Method != MethodHTTPSDate || last.Outcome != OutcomeNoAnswer || !strings.Contains(last.Error, "certificate") {
			t.Errorf("outcome %+v: want the https-date refused for its certificate", last)
		}
		if !squid.Logged(t, "CONNECT localhost:") {
			t.Errorf("squid logged no tunnel")
		}
	})

	t.Run("trusting_the_proxy_CA_then_measured", func(t *testing.T) {
		r := check(network.NewHTTPClient("tcp", viaSquid, squid.ManagedRoots(t, web.CAFile)))
		offset, known := OffsetFrom(r)
		if !known || r.Details["method"] != MethodHTTPSDate || (offset-ahead).Abs() > 2*time.Second || r.Status != checks.Fail {
			t.Fatalf("%s %q: offset %v (known %v) by %v, want fail, about %v by https-date", r.Status, r.Summary, offset, known, r.Details["method"], ahead)
		}
		if !squid.Logged(t, "HEAD https://localhost:") {
			t.Errorf("squid logged no request it decrypted")
		}
	})
}
