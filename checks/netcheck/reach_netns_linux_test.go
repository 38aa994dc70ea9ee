package netcheck

import (
	"fmt"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// droppedPort is the port the namespace's firewall drops: nothing answers, not even a refusal.
const droppedPort = 9993

// TestReachInNamespaces runs the reach check where the network itself is the cause: a
// firewall that drops the mail port, a resolver that does not answer, no route, every packet
// dropped. Servers the test needs run inside the namespace, started there.
func TestReachInNamespaces(t *testing.T) {
	dropped := fmt.Sprintf("imaps://127.0.0.1:%d", droppedPort)
	gateway := "https://" + peer.GatewayAddr + "/"
	tests := []struct {
		name      string
		opts      []peer.NetnsOption
		withWeb   bool     // an HTTPS host inside the namespace, first endpoint
		endpoints []string // after the HTTPS host's
		want      []string // findings
		reason    string   // of the endpoint not reached
	}{
		{name: "given a firewall dropping the IMAPS port while https works then the mail port is blocked",
			opts: []peer.NetnsOption{peer.DropTCP(droppedPort)}, withWeb: true, endpoints: []string{dropped},
			want: []string{fmt.Sprintf("mail-port-blocked endpoint=%s port=%d", dropped, droppedPort)}, reason: reasonTimeout},
		{name: "given a resolver that refuses then the sign-in host fails at dns",
			endpoints: []string{"https://accounts.zoho.invalid/"},
			want:      []string{"endpoint-unreachable endpoint=https://accounts.zoho.invalid/ stage=dns"}, reason: reasonDNS},
		{name: "given no route at all then the host fails at tcp",
			endpoints: []string{gateway},
			want:      []string{"endpoint-unreachable endpoint=" + gateway + " stage=tcp"}, reason: reasonUnreachable},
		{name: "given every packet dropped then the host times out at tcp within the deadline",
			opts: []peer.NetnsOption{peer.LAN(), peer.DropAll()}, endpoints: []string{gateway},
			want: []string{"endpoint-unreachable endpoint=" + gateway + " stage=tcp"}, reason: reasonTimeout},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ns := peer.NewNetns(t, "reach", tc.opts...)
			ns.Run(t, func(t *testing.T) {
				noLeaks(t)
				opts := ReachOptions{Endpoints: tc.endpoints, Proxy: direct, EndpointTimeout: time.Second}
				if tc.withWeb {
					web := peer.StartNginx(t, peer.NginxConfig{TLS: true})
					opts.Endpoints = append([]string{fmt.Sprintf("https://127.0.0.1:%d/", web.TLSPort)}, opts.Endpoints...)
					opts.Roots = web.CA
				}
				res := runReach(t, opts, netPrior{}, reachWant{status: checks.Fail, findings: tc.want, reasons: []string{tc.reason}})
				t.Logf("%s: %s", res.Status, res.Summary)
			})
		})
	}
}
