package proof

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// jsonReport is the part of `check --json` (schema v1) the rows read.
type jsonReport struct {
	DurationMS int64 `json:"duration_ms"`
	Checks     []struct {
		ID      string         `json:"id"`
		Status  string         `json:"status"`
		Summary string         `json:"summary"`
		Details map[string]any `json:"details"`
	} `json:"checks"`
	Findings []struct{ ID, Check string } `json:"findings"`
}

// TestCheckCommandInNamespaces runs the real `signin-doctor check --json`, with the shipped
// defaults and the proxy variables a person's session may hold, in a namespace without a
// working network: the command must end by its budget, and no network check may say ok.
func TestCheckCommandInNamespaces(t *testing.T) {
	if peer.InNetns() {
		return // the binary runs in the namespace, not this test
	}
	refusingProxy := "http://" + peer.GatewayAddr + ":3128" // the gateway answers, nothing listens
	rows := []struct {
		name    string
		opts    []peer.NetnsOption
		outside func(testing.TB, *peer.Netns)
		env     []string
		want    map[string]string // check id -> status
		finding string
	}{
		{"given no route then it finds the computer offline", nil, nil, nil,
			map[string]string{checks.Connectivity: "fail", checks.PublicIP: "unknown", checks.Clock: "unknown", checks.Reach: "unknown"},
			checks.FindingOffline},
		{"given every packet dropped at the gateway then it finds the computer offline",
			[]peer.NetnsOption{peer.LAN(), peer.Resolver(peer.GatewayAddr)}, blackhole, nil,
			map[string]string{checks.Connectivity: "fail", checks.PublicIP: "unknown", checks.Clock: "unknown", checks.Reach: "unknown"},
			checks.FindingOffline},
		{"given a proxy in the environment that refuses then nothing web-based is ok",
			[]peer.NetnsOption{peer.LAN()}, nil,
			[]string{"HTTPS_PROXY=" + refusingProxy, "HTTP_PROXY=" + refusingProxy, "https_proxy=" + refusingProxy, "http_proxy=" + refusingProxy},
			map[string]string{checks.Connectivity: "unknown", checks.PublicIP: "unknown"}, ""},
	}
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			ns := peer.NewNetns(t, "cli", tt.opts...)
			if tt.outside != nil {
				tt.outside(t, ns)
			}
			home := emptyHome(t)
			bin := signinDoctor(t) // built before the deadline starts
			ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
			defer cancel()
			cmd := ns.Command(ctx, bin, "check", "--json")
			cmd.Env, cmd.Dir = append(home.Env, tt.env...), home.Root
			start := time.Now()
			out, err := cmd.Output()
			took := time.Since(start)
			if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
				t.Fatalf("exit %d (%v)", code, err)
			}
			// The budget, and a second for the process to start and print.
			if limit := checks.DefaultBudget + time.Second; took > limit {
				t.Errorf("the command took %v, past %v", took, limit)
			}
			var rep jsonReport
			if err := json.Unmarshal(out, &rep); err != nil {
				t.Fatalf("not a JSON report: %v\n%s", err, out)
			}
			for _, c := range rep.Checks {
				if want, ok := tt.want[c.ID]; ok && c.Status != want {
					t.Errorf("%s: %s, want %s (%s; %v)", c.ID, c.Status, want, c.Summary, c.Details["error"])
				}
				if c.Status == "ok" && c.ID != checks.VPN && c.ID != checks.TimeSync && c.ID != checks.Browsers {
					t.Errorf("%s says ok without a network: %s", c.ID, c.Summary)
				}
			}
			found := tt.finding == ""
			for _, f := range rep.Findings {
				found = found || f.ID == tt.finding
			}
			if !found {
				t.Errorf("no finding %s in %+v", tt.finding, rep.Findings)
			}
		})
	}
}
