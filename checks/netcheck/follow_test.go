package netcheck

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/network"
)

// heldPeer is an HTTP(S) server on loopback that tells when a request arrives and answers it
// only once released; it tells too when a client gives a request up.
type heldPeer struct {
	srv       *httptest.Server
	asked     chan struct{} // closed when the first request arrives
	release   chan struct{} // close it to let the answers go
	abandoned chan struct{} // closed when a client gave a request up before its answer
}

func startHeldPeer(t *testing.T, tls bool) *heldPeer {
	t.Helper()
	p := &heldPeer{asked: make(chan struct{}), release: make(chan struct{}), abandoned: make(chan struct{})}
	var asked, abandoned sync.Once
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Do(func() { close(p.asked) })
		select {
		case <-p.release:
			_, _ = w.Write([]byte(honest4 + "\n"))
		case <-r.Context().Done():
			abandoned.Do(func() { close(p.abandoned) })
		}
	})
	if tls {
		p.srv = httptest.NewTLSServer(h)
	} else {
		p.srv = httptest.NewServer(h)
	}
	t.Cleanup(p.srv.Close)
	return p
}

// TestNetworkChecksFollowConnectivity runs each network check of this package while
// connectivity is still deciding: the check must have asked its peer before connectivity
// finished (it does not wait for it), stop at once when connectivity then says offline, and go
// on to its own answer when connectivity says online or cannot tell.
func TestNetworkChecksFollowConnectivity(t *testing.T) {
	const deadline = time.Minute // the checks' own: far longer than any of these runs
	checksOf := map[string]func(p *heldPeer) checks.Check{
		checks.PublicIP: func(p *heldPeer) checks.Check {
			return NewPublicIP(PublicIPOptions{URLs: []string{p.srv.URL + "/ip"}, Timeout: deadline,
				Client: func(family string) *http.Client { return network.NewHTTPClient(family, direct, nil) }})
		},
		checks.Reach: func(p *heldPeer) checks.Check {
			roots := p.srv.Client().Transport.(*http.Transport).TLSClientConfig.RootCAs
			return NewReach(ReachOptions{Endpoints: []string{p.srv.URL + "/"}, Roots: roots, Proxy: direct, EndpointTimeout: deadline})
		},
	}
	for _, id := range []string{checks.PublicIP, checks.Reach} {
		for _, tt := range []struct {
			when   string
			online any
			want   checks.Status
		}{
			{"connectivity then finds no network", false, checks.Unknown},
			{"connectivity then finds the network", true, checks.OK},
			{"connectivity then cannot tell", nil, checks.OK},
		} {
			t.Run("given "+id+" asking a slow peer when "+tt.when+" then "+string(tt.want), func(t *testing.T) {
				noLeaks(t)
				peer := startHeldPeer(t, id == checks.Reach)
				prior := newPendingPrior()
				c := checksOf[id](peer)
				ctx, cancel := context.WithTimeout(t.Context(), deadline)
				defer cancel()
				got := make(chan checks.Result, 1)
				go func() { got <- c.Run(ctx, prior) }()

				select {
				case <-peer.asked:
				case r := <-got:
					t.Fatalf("returned %s %q before asking its peer", r.Status, r.Summary)
				}
				prior.Finish(verdict(tt.online))
				if tt.online != false {
					close(peer.release)
				}
				var r checks.Result
				select {
				case r = <-got:
				case <-time.After(deadline / 2):
					t.Fatalf("still running long after connectivity said online=%v", tt.online)
				}
				if r.Status != tt.want {
					t.Fatalf("got %s %q, want %s; details %+v", r.Status, r.Summary, tt.want, r.Details)
				}
				if tt.online == false {
					if r.Summary != "offline" {
						t.Errorf("summary %q, want \"offline\"", r.Summary)
					}
					select {
					case <-peer.abandoned:
					case <-time.After(deadline / 2):
						t.Errorf("the check returned but left its request to the peer running")
					}
				}
			})
		}
	}
}
