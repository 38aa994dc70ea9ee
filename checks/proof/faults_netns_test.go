package proof

import (
	"net/netip"
	"os/exec"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// netnsFault is a row of the matrix that runs inside its own network namespace, where the
// checks keep their real route targets and the shipped defaults' host names: nothing leaves
// the namespace, whatever they try.
type netnsFault struct {
	name string
	opts []peer.NetnsOption
	// outside, when set, changes the namespaces from outside before the row runs in them.
	outside func(t testing.TB, ns *peer.Netns)
	// wire returns the row's wiring; it runs inside the namespace, so it may start peers there.
	wire func(t *testing.T) wiring
	want map[string]expect
}

// shipped is the wiring of the embedded default configuration (the Internet's hosts), with
// the allowed networks of the example configuration IT starts from.
func shipped(*testing.T) wiring {
	d := config.Default()
	return wiring{
		PortalURL: d.Network.CaptivePortalURL, EchoURLs: d.Network.IPEchoURLs,
		NTP: d.Clock.NTPServers, Endpoints: d.Network.Endpoints,
		RealRoutes: true,
		Allowed:    []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24")},
	}
}

// offlineWant is what every network check must say when connectivity finds no network.
func offlineWant(reason string) map[string]expect {
	return map[string]expect{
		checks.Connectivity: {Status: checks.Fail, Finding: checks.FindingOffline, Params: map[string]string{"reason": reason}},
		checks.PublicIP:     {Status: checks.Unknown, Says: "offline"},
		checks.Clock:        {Status: checks.Unknown, Says: "offline"},
		checks.Allowlist:    {Status: checks.Unknown},
		checks.Reach:        {Status: checks.Unknown, Says: "offline"},
	}
}

func TestFaultMatrixInNamespaces(t *testing.T) {
	rows := []netnsFault{
		{
			name: "given no route at all then connectivity is offline and every network check unknown",
			wire: shipped, want: offlineWant("no-route"),
		},
		{
			name: "given every packet dropped then connectivity is offline and every network check unknown",
			opts: []peer.NetnsOption{peer.LAN(), peer.DropAll(), peer.Resolver(peer.GatewayAddr)},
			wire: shipped, want: offlineWant("no-answer"),
		},
		{
			name:    "given a gateway that drops every packet then connectivity is offline and every network check unknown",
			opts:    []peer.NetnsOption{peer.LAN(), peer.Resolver(peer.GatewayAddr)},
			outside: blackhole,
			wire:    shipped, want: offlineWant("no-answer"),
		},
		{
			name: "given a LAN whose DNS refuses then connectivity is offline and every network check unknown",
			opts: []peer.NetnsOption{peer.LAN(), peer.Resolver(peer.GatewayAddr)},
			wire: shipped, want: offlineWant("no-answer"),
		},
		{
			name: "given the portal reachable but no DNS then the checks that need names are unknown",
			opts: []peer.NetnsOption{peer.LAN()},
			wire: func(t *testing.T) wiring {
				n := peer.StartNginx(t, peer.NginxConfig{Server: echoLocations, TLS: true, Echo: true})
				return wiring{
					PortalURL: n.URL("/generate_204"),
					EchoURLs:  []string{n.HostURL("echo.proof.test", "/ip")},
					NTP:       []string{"ntp.proof.test"},
					Endpoints: []string{"https://sign-in.proof.test/"},
					Roots:     n.CA, RealRoutes: true,
				}
			},
			want: map[string]expect{
				checks.Connectivity: {Status: checks.OK},
				checks.PublicIP:     {Status: checks.Unknown},
				checks.Clock:        {Status: checks.Unknown},
			},
		},
	}
	for _, f := range rows {
		t.Run(f.name, func(t *testing.T) {
			ns := peer.NewNetns(t, "proof", f.opts...)
			if f.outside != nil && !peer.InNetns() {
				f.outside(t, ns)
			}
			ns.Run(t, func(t *testing.T) {
				rep := runChecks(t, f.wire(t).checks())
				if msg := holds(rep, f.want); msg != "" {
					t.Error(msg)
				}
			})
		})
	}
}

// blackhole makes the LAN's gateway drop every packet it receives, so what the namespace sends
// leaves it and is never answered: the silence of a dead uplink, where peer.DropAll's local
// rule fails a send at once.
func blackhole(t testing.TB, ns *peer.Netns) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "ip", "netns", "exec", ns.Gateway, "nft", "-f", "-")
	cmd.Stdin = strings.NewReader("table inet proof_blackhole {\n" +
		"\tchain in { type filter hook input priority 0; policy drop; }\n" +
		"\tchain forward_drop { type filter hook forward priority 0; policy drop; }\n}\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("dropping at the gateway %s: %v: %s", ns.Gateway, err, out)
	}
}
