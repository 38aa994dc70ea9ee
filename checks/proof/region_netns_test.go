package proof

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// The real `signin-doctor check --json --region ID`, for each of Zoho's data centres, in a
// namespace whose resolver sends every Zoho domain to the LAN's gateway (nothing listens
// there, and nothing leaves this machine): the reach check must try that data centre's
// sign-in, IMAP and SMTP hosts, and no other.
func TestCheckFollowsTheDataCentre(t *testing.T) {
	ns := peer.NewNetns(t, "region", peer.LAN())
	ns.Run(t, func(t *testing.T) {
		answers := map[string]string{}
		for _, r := range config.Regions() {
			answers[r.Domain] = peer.GatewayAddr
		}
		peer.AnsweringResolver(t, answers)
		bin := signinDoctor(t)
		home := emptyHome(t)
		for _, r := range config.Regions() {
			t.Run(r.ID, func(t *testing.T) {
				ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
				defer cancel()
				cmd := ns.Command(ctx, bin, "check", "--json", "--only", checks.Reach, "--region", r.ID)
				cmd.Env, cmd.Dir = home.Env, home.Root
				out, err := cmd.Output()
				if code := cmd.ProcessState.ExitCode(); code != 0 && code != 1 {
					t.Fatalf("exit %d (%v)", code, err)
				}
				var rep jsonReport
				if err := json.Unmarshal(out, &rep); err != nil {
					t.Fatalf("not a JSON report: %v\n%s", err, out)
				}
				var tried []string
				for _, c := range rep.Checks {
					if c.ID != checks.Reach {
						continue
					}
					eps, _ := c.Details["endpoints"].([]any)
					for _, e := range eps {
						m, _ := e.(map[string]any)
						tried = append(tried, fmt.Sprint(m["url"]))
						// Resolved to the gateway, which refuses: the name was asked and answered.
						if m["stage"] != "tcp" || m["reason"] != "refused" {
							t.Errorf("endpoint %v: want it resolved and refused at the gateway", m)
						}
					}
				}
				if !slices.Equal(tried, r.Endpoints()) {
					t.Errorf("reach tried %q, want %s's %q", tried, r.Domain, r.Endpoints())
				}
			})
		}
	})
}
