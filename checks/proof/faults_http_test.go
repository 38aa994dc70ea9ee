package proof

import (
	"net"
	"net/url"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// dateRows break NTP (every server silent) and leave the clock the HTTPS Date fallback: the
// Date header of the first https endpoint, the service's sign-in host.
func dateRows() []fault {
	silentNTP := func(t *testing.T, wire *wiring) {
		wire.NTP = []string{peer.StartNTPResponder(t, peer.NTPBehaviour{Silent: true}).Addr()}
	}
	return []fault{
		{
			name: "given NTP silent and an honest HTTPS Date then clock measures by the Date header",
			breakWorld: func(t *testing.T, w *world, wire *wiring) {
				silentNTP(t, wire)
				wire.Endpoints = []string{w.nginx.TLSURL("/")}
			},
			want: map[string]expect{checks.Clock: {Status: checks.OK, Says: "HTTPS Date"}},
		},
		{
			name: "given NTP silent and the Date host's certificate expired then clock is unknown",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				silentNTP(t, wire)
				f := startTLSFake(t, time.Now().Add(-48*time.Hour), time.Now().Add(-24*time.Hour), answer(""))
				wire.Endpoints, wire.Roots = []string{f.URL("/")}, f.Roots
			},
			want: map[string]expect{checks.Clock: {Status: checks.Unknown, Says: "certificate"}},
		},
		{
			name: "given NTP silent and the Date host dripping its headers then clock is unknown by its deadline",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				silentNTP(t, wire)
				f := startTLSFake(t, time.Now().Add(-time.Hour), time.Now().Add(time.Hour), drip(100*time.Millisecond))
				wire.Endpoints, wire.Roots = []string{f.URL("/")}, f.Roots
			},
			want: map[string]expect{checks.Clock: {Status: checks.Unknown}},
		},
		{
			name: "given NTP silent and the Date host closed then clock is unknown",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				silentNTP(t, wire)
				wire.Endpoints = []string{"https://" + closedPort(t, "tcp") + "/"}
			},
			want: map[string]expect{checks.Clock: {Status: checks.Unknown}},
		},
	}
}

// echoFault is a row whose only IP echo service is the nginx location path.
func echoFault(name, path string) fault {
	return fault{
		name:       name,
		breakWorld: func(_ *testing.T, w *world, wire *wiring) { wire.EchoURLs = []string{w.nginx.TLSURL(path)} },
		want: map[string]expect{
			checks.PublicIP:  {Status: checks.Unknown, Says: "no IP echo service answered"},
			checks.Allowlist: {Status: checks.Unknown},
		},
	}
}

func echoRows() []fault {
	rows := []fault{
		echoFault("given an echo service answering an HTML page then publicip is unknown", "/html"),
		echoFault("given an echo service answering 503 then publicip is unknown", "/5xx"),
		echoFault("given an echo service answering 8 GiB then publicip is unknown", "/huge"),
		echoFault("given an echo service whose body never ends then publicip is unknown by its deadline", "/endless"),
		echoFault("given an echo service that never answers then publicip is unknown by its deadline", "/hang"),
		echoFault("given an echo service that closes without answering then publicip is unknown", "/close"),
		echoFault("given an echo service answering nothing then publicip is unknown", "/empty"),
		// Not in the list.
		echoFault("given an echo service answering 0.0.0.0 then publicip is unknown", "/zero"),
		echoFault("given an echo service answering :: then publicip is unknown", "/any6"),
		echoFault("given an echo service answering a private address then publicip is unknown", "/private"),
		echoFault("given an echo service answering loopback then publicip is unknown", "/loopback"),
		echoFault("given an echo service answering a shared CGNAT address then publicip is unknown", "/cgnat"),
		echoFault("given an echo service answering an IPv4-mapped IPv6 address then publicip is unknown", "/mapped"),
		echoFault("given an echo service answering a zoned link-local address then publicip is unknown", "/zone"),
		echoFault("given an echo service answering two addresses then publicip is unknown", "/two"),
		echoFault("given an echo service redirecting to an honest one then publicip is unknown", "/redirect"),
		{
			name: "given two echo services seeing different addresses then publicip warns that they disagree",
			breakWorld: func(_ *testing.T, w *world, wire *wiring) {
				wire.EchoURLs = []string{w.nginx.TLSURL("/ip"), w.nginx.TLSURL("/ip-other")}
			},
			want: map[string]expect{checks.PublicIP: {Status: checks.Warn, Finding: checks.FindingIPSourcesDisagree}},
		},
		{
			name: "given two of three echo services agreeing then publicip warns and names the majority",
			breakWorld: func(_ *testing.T, w *world, wire *wiring) {
				wire.EchoURLs = []string{w.nginx.TLSURL("/ip"), w.nginx.TLSURL("/ip?second"), w.nginx.TLSURL("/ip-other")}
			},
			want: map[string]expect{checks.PublicIP: {Status: checks.Warn, Finding: checks.FindingIPSourcesDisagree, Says: publicAddr}},
		},
		{
			name: "given an echo service with an expired certificate then publicip is unknown",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				f := startTLSFake(t, time.Now().Add(-48*time.Hour), time.Now().Add(-24*time.Hour), answer(publicAddr))
				wire.EchoURLs, wire.Roots = []string{f.URL("/")}, f.Roots
			},
			want: map[string]expect{checks.PublicIP: {Status: checks.Unknown}},
		},
		{
			name: "given an echo service dripping its headers then publicip is unknown by its deadline",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				f := startTLSFake(t, time.Now().Add(-time.Hour), time.Now().Add(time.Hour), drip(100*time.Millisecond))
				wire.EchoURLs, wire.Roots = []string{f.URL("/")}, f.Roots
			},
			want: map[string]expect{checks.PublicIP: {Status: checks.Unknown}},
		},
	}
	return rows
}

// portalRows break the captive-portal probe, or put a refusing proxy in every request's way.
func portalRows() []fault {
	portal := func(path string) func(*testing.T, *world, *wiring) {
		return func(_ *testing.T, w *world, wire *wiring) { wire.PortalURL = w.nginx.URL(path) }
	}
	return []fault{
		{
			name:       "given a captive portal answering its login page then connectivity finds a captive portal",
			breakWorld: portal("/portal-html"),
			want:       map[string]expect{checks.Connectivity: {Status: checks.Fail, Finding: checks.FindingCaptivePortal}},
		},
		{
			name:       "given a captive portal redirecting to its login then connectivity finds a captive portal",
			breakWorld: portal("/portal-302"),
			want:       map[string]expect{checks.Connectivity: {Status: checks.Fail, Finding: checks.FindingCaptivePortal}},
		},
		{
			name:       "given the portal probe answering 503 then connectivity finds a captive portal",
			breakWorld: portal("/portal-503"),
			want:       map[string]expect{checks.Connectivity: {Status: checks.Fail, Finding: checks.FindingCaptivePortal}},
		},
		portalSilent("given the portal host accepting but never answering then connectivity is unknown and the others go on", "/hang"),
		portalSilent("given the portal host closing without an answer then connectivity is unknown and the others go on", "/close"),
		{
			name: "given a proxy that refuses connections then connectivity and publicip are unknown",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				wire.Proxy = &url.URL{Scheme: "http", Host: closedPort(t, "tcp")}
			},
			want: map[string]expect{
				checks.Connectivity: {Status: checks.Unknown},
				checks.PublicIP:     {Status: checks.Unknown},
				checks.Clock:        {Status: checks.OK},
				checks.Reach:        {Status: checks.Fail, Finding: checks.FindingEndpointUnreachable},
			},
		},
	}
}

// portalSilent is a row whose portal host takes the connection and gives no HTTP answer: the
// network works, so connectivity cannot call it offline, and the checks it gates go on.
func portalSilent(name, path string) fault {
	return fault{
		name:       name,
		breakWorld: func(_ *testing.T, w *world, wire *wiring) { wire.PortalURL = w.nginx.URL(path) },
		want: map[string]expect{
			checks.Connectivity: {Status: checks.Unknown},
			checks.PublicIP:     {Status: checks.OK},
			checks.Clock:        {Status: checks.OK},
			checks.Reach:        {Status: checks.OK},
		},
	}
}

// reachRows break the sign-in host the reach check (and the clock's Date fallback) asks.
func reachRows() []fault {
	signIn := func(notBefore, notAfter time.Time, handle func(net.Conn)) func(*testing.T, *world, *wiring) {
		return func(t *testing.T, _ *world, wire *wiring) {
			f := startTLSFake(t, notBefore, notAfter, handle)
			wire.Endpoints, wire.Roots, wire.EchoURLs = []string{f.URL("/")}, f.Roots, nil
		}
	}
	now := time.Now()
	return []fault{
		{
			// An expired certificate is what a clock a day ahead sees of a good one: evidence
			// about the clock (the remedy), not interception.
			name:       "given the sign-in host's certificate expired then reach says it is out of date by this clock",
			breakWorld: signIn(now.Add(-48*time.Hour), now.Add(-24*time.Hour), answer("")),
			want:       map[string]expect{checks.Reach: {Status: checks.Fail, Finding: checks.FindingCertificateDateInvalid}},
		},
		{
			name:       "given the sign-in host dripping its headers then reach does not call it reached",
			breakWorld: signIn(now.Add(-time.Hour), now.Add(time.Hour), drip(100*time.Millisecond)),
			want:       map[string]expect{checks.Reach: {Status: checks.Fail, Finding: checks.FindingEndpointUnreachable}},
		},
		{
			name: "given the sign-in host's port closed then reach finds it unreachable",
			breakWorld: func(t *testing.T, _ *world, wire *wiring) {
				wire.Endpoints = []string{"https://" + closedPort(t, "tcp") + "/"}
			},
			want: map[string]expect{checks.Reach: {Status: checks.Fail, Finding: checks.FindingEndpointUnreachable,
				Params: map[string]string{"stage": "tcp"}}},
		},
	}
}
