package netcheck

import (
	"fmt"
	"strings"

	"github.com/signin-doctor/signin-doctor/checks"
)

// reachResult judges the endpoints: a certificate that does not verify is interception; a
// mail port that is refused or times out while an https endpoint works is blocked; any other
// failure is unreachable. An endpoint the deadline cut short says nothing.
func reachResult(results []EndpointResult, proxy string) checks.Result {
	httpsOK := false
	for _, r := range results {
		httpsOK = httpsOK || (r.OK && !r.mail)
	}
	var findings []checks.Finding
	var problems []string
	reached, unknown := 0, 0
	for _, r := range results {
		switch {
		case r.OK:
			reached++
			continue
		case r.unknown() || r.Stage == "config":
			unknown++
			problems = append(problems, fmt.Sprintf("%s: %s", r.URL, r.Reason))
			continue
		}
		problems = append(problems, fmt.Sprintf("%s: %s %s", r.URL, r.Stage, r.Reason))
		findings = append(findings, reachFinding(r, httpsOK))
	}
	data := &ReachData{Endpoints: results, Proxy: proxy, Mail: "direct"}
	summary := fmt.Sprintf("%d of %d endpoints reached", reached, len(results))
	if proxy != "" {
		summary += " (https through the proxy " + proxy + ")"
	}
	if len(problems) > 0 {
		summary += "; " + strings.Join(problems, "; ")
	}
	switch {
	case len(findings) > 0:
		return checks.Finish(checks.Fail, summary, data, findings...)
	case unknown > 0:
		return checks.Finish(checks.Unknown, summary, data)
	}
	return checks.Finish(checks.OK, summary, data)
}

func reachFinding(r EndpointResult, httpsOK bool) checks.Finding {
	switch {
	case r.Reason == reasonUntrusted:
		return checks.Finding{ID: checks.FindingTLSIntercepted, Severity: checks.Fail,
			Params: map[string]string{"endpoint": r.URL, "issuer": r.Issuer}}
	case r.mail && httpsOK && r.Stage == "tcp" && (r.Reason == reasonRefused || r.Reason == reasonTimeout):
		return checks.Finding{ID: checks.FindingMailPortBlocked, Severity: checks.Fail,
			Params: map[string]string{"endpoint": r.URL, "port": r.port}}
	}
	return checks.Finding{ID: checks.FindingEndpointUnreachable, Severity: checks.Fail,
		Params: map[string]string{"endpoint": r.URL, "stage": r.Stage}}
}
