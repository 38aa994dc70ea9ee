package netcheck

import (
	"fmt"
	"strings"
	"time"

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
		return checks.Finish(worst(findings), summary, data, findings...)
	case unknown > 0:
		return checks.Finish(checks.Unknown, summary, data)
	}
	return checks.Finish(checks.OK, summary, data)
}

// worst is the status of the most severe finding.
func worst(findings []checks.Finding) checks.Status {
	status := checks.Warn
	for _, f := range findings {
		if f.Severity == checks.Fail {
			status = checks.Fail
		}
	}
	return status
}

func reachFinding(r EndpointResult, httpsOK bool) checks.Finding {
	switch {
	case r.Reason == reasonProxyAuth:
		// This check does not sign in to proxies; a browser may, by itself (NTLM, Kerberos)
		// or by asking: the endpoint's reach is not known, the proxy's demand is.
		return checks.Finding{ID: checks.FindingProxyAuthRequired, Severity: checks.Warn,
			Params: map[string]string{"endpoint": r.URL, "proxy": r.Via}}
	case r.Reason == reasonCertNotYetValid || r.Reason == reasonCertExpired:
		params := map[string]string{"endpoint": r.URL}
		if c := r.Certificate; c != nil {
			params["not_before"], params["not_after"] = humanTime(c.NotBefore), humanTime(c.NotAfter)
		}
		return checks.Finding{ID: checks.FindingCertificateDateInvalid, Severity: checks.Fail, Params: params}
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

// humanTime writes an RFC 3339 time as a person reads it: "2026-12-03 04:00 UTC".
func humanTime(rfc3339 string) string {
	t, err := time.Parse(time.RFC3339, rfc3339)
	if err != nil {
		return rfc3339
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}
