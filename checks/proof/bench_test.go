package proof

import (
	"context"
	"net/netip"
	"sort"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// The benchmarks measure what scripts/bench.sh prints as ratios to the project's goals. They
// report their figures as metrics (seconds, microseconds, ratios); the goals live in the
// script only. Run them with a fixed count: go test -run '^$' -bench . -benchtime 5x.

// probeDelay is how long every slow peer waits before it answers.
const probeDelay = 500 * time.Millisecond

// slowLocations answer like the honest ones of echoLocations, after probeDelay.
const slowLocations = `
location = /slow-portal { echo_sleep 0.5; echo "success"; }
location = /slow-ip { echo_sleep 0.5; echo "1.2.3.4"; }
`

// BenchmarkDiagnosisVsSlowestProbe runs every network check together against peers that all
// answer after probeDelay, and each check alone against the same peers; the figure is the
// whole diagnosis's time over the slowest check's time alone.
func BenchmarkDiagnosisVsSlowestProbe(b *testing.B) {
	n := peer.StartNginx(b, peer.NginxConfig{Server: slowLocations, TLS: true, Echo: true})
	ntp := peer.StartNTPResponder(b, peer.NTPBehaviour{Delay: probeDelay})
	wire := wiring{
		PortalURL: n.URL("/slow-portal"), PortalBody: "success",
		EchoURLs:  []string{n.TLSURL("/slow-ip")},
		NTP:       []string{ntp.Addr()},
		Endpoints: []string{n.TLSURL("/slow-ip")},
		Allowed:   []netip.Prefix{netip.MustParsePrefix("1.2.3.0/24")},
		Roots:     n.CA,
	}
	var all, slowest []time.Duration
	for b.Loop() {
		rep := checks.Run(b.Context(), wire.checks(), checks.Options{})
		for _, r := range rep.Results {
			if r.Status != checks.OK && r.Status != checks.Skipped {
				b.Fatalf("%s is %s against slow but honest peers: %s %v", r.ID, r.Status, r.Summary, r.Details)
			}
		}
		all = append(all, rep.Duration)
		var worst time.Duration
		for _, c := range wire.checks() {
			worst = max(worst, checks.Run(b.Context(), []checks.Check{c}, checks.Options{}).Duration)
		}
		slowest = append(slowest, worst)
	}
	b.ReportMetric(median(all).Seconds(), "diagnosis-s")
	b.ReportMetric(median(slowest).Seconds(), "slowest-alone-s")
	b.ReportMetric(median(all).Seconds()/median(slowest).Seconds(), "ratio")
}

// BenchmarkCheckOffline runs the real `signin-doctor check --json` with its shipped defaults
// in a network namespace without a network: no route at all; every packet dropped by a local
// firewall (sends fail at once); every packet dropped at the gateway (nothing comes back).
func BenchmarkCheckOffline(b *testing.B) {
	bin := signinDoctor(b)
	for _, tt := range []struct {
		name    string
		opts    []peer.NetnsOption
		outside func(testing.TB, *peer.Netns)
	}{
		{"no-route", nil, nil},
		{"dropped-locally", []peer.NetnsOption{peer.LAN(), peer.DropAll(), peer.Resolver(peer.GatewayAddr)}, nil},
		{"dropped-at-gateway", []peer.NetnsOption{peer.LAN(), peer.Resolver(peer.GatewayAddr)}, blackhole},
	} {
		b.Run(tt.name, func(b *testing.B) {
			ns := peer.NewNetns(b, "bench", tt.opts...)
			if tt.outside != nil {
				tt.outside(b, ns)
			}
			home := emptyHome(b)
			var took []time.Duration
			for b.Loop() {
				ctx, cancel := context.WithTimeout(b.Context(), 30*time.Second)
				cmd := ns.Command(ctx, bin, "check", "--json")
				cmd.Env, cmd.Dir = home.Env, home.Root
				start := time.Now()
				out, err := cmd.Output()
				took = append(took, time.Since(start))
				cancel()
				if code := cmd.ProcessState.ExitCode(); code != 1 {
					b.Fatalf("exit %d (%v), want 1 (findings: offline); stdout:\n%s", code, err, out)
				}
			}
			b.ReportMetric(median(took).Seconds(), "check-s")
		})
	}
}

// median of ds; ds is sorted in place.
func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}
