package proof

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// publicAddr is what the honest echo locations answer: public-looking text, never dialled.
const publicAddr = "1.2.3.4"

// echoLocations are nginx's answers, honest and not, to an echo or portal request.
const echoLocations = `
location = /generate_204 { return 204; }
location = /portal-html { default_type text/html; return 200 "<!doctype html><html><body><form action=/login>Wi-Fi login</form></body></html>"; }
location = /portal-302 { return 302 http://login.portal.test/?continue=generate_204; }
location = /portal-503 { return 503; }
location = /ip { return 200 "1.2.3.4\n"; }
location = /ip-other { return 200 "5.6.7.8\n"; }
location = /html { default_type text/html; return 200 "<!doctype html><html><body>Your IP is 1.2.3.4</body></html>"; }
location = /5xx { return 503 "1.2.3.4\n"; }
location = /redirect { return 302 /ip; }
location = /empty { return 200 ""; }
location = /close { return 444; }
location = /hang { ` + peer.NginxHang + ` }
location = /endless { echo "1.2.3.4"; echo_flush; ` + peer.NginxHang + ` }
location = /zero { return 200 "0.0.0.0\n"; }
location = /any6 { return 200 "::\n"; }
location = /private { return 200 "10.1.2.3\n"; }
location = /loopback { return 200 "127.0.0.1\n"; }
location = /mapped { return 200 "::ffff:1.2.3.4\n"; }
location = /cgnat { return 200 "100.64.1.2\n"; }
location = /two { return 200 "1.2.3.4\n5.6.7.8\n"; }
location = /padded { return 200 "  1.2.3.4  \n"; }
location = /zone { return 200 "fe80::1%eth0\n"; }
`

// world is the honest peers a row starts from: nginx (plain HTTP for the portal, HTTPS with a
// test CA for echo and Date) and an honest NTP responder.
type world struct {
	nginx *peer.Nginx
	ntp   *peer.NTPResponder
}

func startWorld(t *testing.T) *world {
	t.Helper()
	n := peer.StartNginx(t, peer.NginxConfig{Server: echoLocations, TLS: true, Echo: true})
	// A body without end: 8 GiB of a sparse file, which costs no disk.
	huge := filepath.Join(n.Dir, "www", "huge")
	if err := os.WriteFile(huge, []byte(publicAddr+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(huge, 8<<30); err != nil {
		t.Fatal(err)
	}
	return &world{nginx: n, ntp: peer.StartNTPResponder(t, peer.NTPBehaviour{})}
}

// honest is the wiring every row starts from: every peer answers truthfully.
func (w *world) honest() wiring {
	return wiring{
		PortalURL: w.nginx.URL("/generate_204"),
		EchoURLs:  []string{w.nginx.TLSURL("/ip")},
		NTP:       []string{w.ntp.Addr()},
		Endpoints: []string{w.nginx.TLSURL("/")},
		Allowed:   []netip.Prefix{netip.MustParsePrefix("1.2.3.0/24")},
		Roots:     w.nginx.CA,
	}
}

// closedPort is a loopback address where nothing listens on network ("tcp" or "udp"): the
// kernel refuses at once.
func closedPort(t testing.TB, network string) string {
	t.Helper()
	var addr net.Addr
	if network == "udp" {
		c, err := net.ListenPacket("udp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = c.LocalAddr()
		c.Close()
	} else {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = l.Addr()
		l.Close()
	}
	return addr.String()
}

// expect is what a row requires of one check's result.
type expect struct {
	Status  checks.Status
	Finding string // a finding id the result must carry; "" for none required
	// Params are params the finding must carry, with these values.
	Params map[string]string
	Says   string // text the details' "error" or the summary must contain; "" for any
	// Raw is text the details must hold somewhere (their JSON): the raw error a row injected.
	Raw string
}

// runChecks runs list as the CLI does (the default budget), and holds the run to the contract
// every row shares: each check returned by its own deadline (the engine did not have to cut it
// off), the run by its budget, and no goroutine outlived it. It returns the report.
func runChecks(t *testing.T, list []checks.Check) checks.Report {
	t.Helper()
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())
	specs := map[string]checks.Spec{}
	for _, c := range list {
		specs[c.Spec().ID] = c.Spec()
	}
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	rep := checks.Run(ctx, list, checks.Options{})
	if slack := 100 * time.Millisecond; rep.Duration > checks.DefaultBudget+slack {
		t.Errorf("the run took %v, past its budget of %v", rep.Duration, checks.DefaultBudget)
	}
	for _, r := range rep.Results {
		limit := specs[r.ID].Timeout
		if limit == 0 || limit > checks.DefaultBudget {
			limit = checks.DefaultBudget
		}
		if r.Duration > limit {
			t.Errorf("%s took %v, past its deadline of %v", r.ID, r.Duration, limit)
		}
		if e, _ := r.Details["error"].(string); strings.Contains(e, "did not finish within") {
			t.Errorf("%s ignored its context: the engine cut it off (%s)", r.ID, e)
		}
	}
	return rep
}

// holds reports how rep's results fall short of want, or "" when they meet it.
func holds(rep checks.Report, want map[string]expect) string {
	var out []string
	for id, e := range want {
		r, ok := rep.Result(id)
		if !ok {
			out = append(out, id+": not in the report")
			continue
		}
		errText, _ := r.Details["error"].(string)
		switch {
		case r.Status != e.Status:
			out = append(out, id+": status "+string(r.Status)+", want "+string(e.Status))
		case e.Finding != "" && !hasFinding(r, e.Finding, e.Params):
			out = append(out, fmt.Sprintf("%s: no finding %s with params %v (findings: %+v)", id, e.Finding, e.Params, r.Findings))
		case e.Says != "" && !strings.Contains(r.Summary+" "+errText, e.Says):
			out = append(out, id+": does not say "+strconv.Quote(e.Says))
		case e.Raw != "" && !detailsHold(r, e.Raw):
			out = append(out, fmt.Sprintf("%s: the details do not hold the raw error %q (details: %v)", id, e.Raw, r.Details))
		default:
			continue
		}
		out[len(out)-1] += " (summary: " + r.Summary + "; error: " + errText + ")"
	}
	return strings.Join(out, "\n")
}

// detailsHold reports whether r's details, as JSON, hold text.
func detailsHold(r checks.Result, text string) bool {
	b, err := json.Marshal(r.Details)
	return err == nil && strings.Contains(string(b), text)
}

// hasFinding reports whether r carries finding id with params among its params.
func hasFinding(r checks.Result, id string, params map[string]string) bool {
	for _, f := range r.Findings {
		if f.ID != id {
			continue
		}
		all := true
		for k, v := range params {
			all = all && f.Params[k] == v
		}
		if all {
			return true
		}
	}
	return false
}
