// Package netcheck holds the network checks: connectivity, publicip, allowlist, vpn and
// reach. They tell apart the network causes of a failed sign-in: no network or a captive
// portal, an address IT does not allow (often because a VPN carries the traffic), and a
// sign-in, IMAP or SMTP host that cannot be reached.
//
// # connectivity (NewConnectivity)
//
// Online is decided in this order, each step only when the one before could not tell:
//
//  1. Routes. A UDP socket is connected to a public IPv4 and IPv6 address (a root name
//     server's; nothing is sent: connecting a UDP socket only asks the kernel for a route).
//     No route in either family, and no proxy for the portal URL: offline at once, in
//     microseconds ("reason": "no-route"); a proxy setting that cannot be read is not "no
//     proxy", and the probes decide. "No route" is only an error that says so
//     (network or host unreachable, network down, no address or stack of the family); a
//     lookup that fails otherwise (under Wine every UDP socket fails with WSAEOPNOTSUPP)
//     says nothing, and the probes decide. Behind a proxy (offices often give computers no
//     default route, only the proxy) the probes decide too.
//  2. Probes, together, until the check's deadline: a DNS lookup of the captive-portal
//     URL's host name, and a GET of that URL through the system proxy, following no
//     redirect. An HTTP answer of any kind means online. Neither DNS nor HTTP answering
//     (timeouts, unreachable, packets dropped, the resolver silent) means offline
//     ("reason": "no-answer") — but only after at least a second of silence, so that a
//     deadline cut short says nothing. An error the check does not recognise (a permission
//     error, an unsupported socket option, an odd errno) is never offline: unknown, with
//     the raw error in "error". Anything else cannot tell: DNS answers but the URL
//     does not; a host resets the connection; or a host (the proxy, when there is one)
//     accepts the TCP connection and then hangs or closes it — a connection made proves a
//     path, so that is never offline ("portal"'s "connected" says which).
//
// The portal must answer 204, or 200 with the configured body (spaces around it aside);
// any other answer (a 302 to a login page, an HTML page) is a captive portal.
//
// Details: "online" (true or false; absent when the check cannot tell, with status
// unknown), "routes" (family -> local address, or error and "no_route" when the error
// means there is none), "proxy" (when one is used, its
// password redacted), "dns", "portal" (url, status,
// location, matched, connected, error, ms), "reason" when offline. Findings, with their Params:
//   - offline (fail): reason ("no-route" or "no-answer")
//   - captive-portal (fail): url, status, location (when the answer redirects)
//   - proxy-auth-required (warn): endpoint (the portal URL), proxy — the proxy answered the
//     probe 407: it wants a user name and password, which a browser may give it; no captive
//     portal, and "online" is absent (the network beyond the proxy is not known)
//
// Every other network check, here and elsewhere (clock), follows connectivity (Spec.Follows):
// it starts at once, beside connectivity's probes, under network.UntilOffline's context, which
// is cancelled the moment connectivity's payload says offline (ConnectivityData implements
// network.Verdict); the check then returns unknown with the summary "offline"
// (network.OfflineResult), never ok. Its own result goes through network.OrOffline: a
// result that is not ok waits for connectivity's verdict first, since a check that fails before
// connectivity has decided (no route fails every dial at once) is failing for the same missing
// network. When connectivity says online, or cannot tell, the checks go on. All of this is
// network.OrIntranet, which then lets publicip, reach and the clock ask their servers on this
// computer's own networks alone.
//
// # publicip (NewPublicIP)
//
// Every configured echo service is asked twice at once, over IPv4 and over IPv6 (dialling
// "tcp4" and "tcp6", the proxy too), through the system proxy. An answer counts only with a
// 2xx status and a body of at most 256 bytes holding one public address of the asked family
// (see IsPublic). Per family, the address more than half of the answers name wins. The
// check returns once no late answer could change the vote, after a short wait for the
// stragglers (a source cut off then says "no answer before the vote was settled"), or at its
// deadline.
// Details: "ipv4", "ipv6" (the winners, "" when none), "agreement" (family -> none, single,
// unanimous, majority or split), "sources" ([]SourceAnswer: every source's answer or
// error), "addresses" (the winners, and every address seen in a family without one).
// No answer in either family: unknown. Finding:
//   - ip-sources-disagree (warn): family ("ipv4" or "ipv6"), addresses (most votes first,
//     comma-separated)
//
// # allowlist (NewAllowlist)
//
// Only when IT configured allowed networks (skipped otherwise): each of publicip's
// "addresses" against them; publicip unknown makes it unknown. An IPv6 address is judged too:
// a browser that prefers IPv6 signs in from it. Details: "allowed" (bool), "matched_network"
// (address -> network, "" when none), "addresses". Finding:
//   - ip-not-allowed (fail): address, vpn_interface (when a VPN carries the default traffic
//     of the address's family — a vpn-active finding of the vpn check whose interface is
//     that family's default_route_interface(_ipv6) — the likely cause)
//
// # vpn (NewVPN)
//
// Reads only the OS's routing table and interfaces (vpn.go has the rules). Details: "active",
// "interfaces", "default_route_interface", "default_route_interface_ipv6". Finding:
//   - vpn-active (warn): interface, client (the VPN product, when its adapter is known)
//
// # reach (NewReach)
//
// Can this computer reach the service's sign-in host and its mail servers, and does anything
// in between intercept TLS? Every configured endpoint (network.endpoints) is tried at once,
// each within its own timeout (ReachOptions.EndpointTimeout, 3 s), and nothing signs in:
//   - https://: a GET through the system proxy (as the browser's sign-in goes), following no
//     redirect; a TLS handshake that verifies and any HTTP status, 5xx too, count as reached.
//   - imaps:// (port 993) and smtps:// (465): directly, as mail clients do not use the web
//     proxy; the TLS handshake, then the server's greeting ("* OK" or "220").
//   - smtp:// (587): directly; the "220" greeting in the clear, EHLO, STARTTLS, then the TLS
//     handshake.
//
// A failure is placed at the stage it stopped (dns, tcp, tls, http, proxy — the proxy refused
// or failed the tunnel — or mail — the greeting, EHLO or STARTTLS), with a reason: refused,
// reset, timeout, unreachable, no-such-host, dns-failure, untrusted-certificate,
// handshake-failed, no-answer (the host closed the connection), bad-greeting, no-starttls,
// proxy-refused or proxy-auth-required (the proxy answered the tunnel request with that
// http_status, 407 for the second), certificate-not-yet-valid or certificate-expired (a
// certificate that fails by its dates alone, by this computer's clock; "certificate" holds its
// not_before and not_after). Only errors the check positively recognises get one of
// these; any other is reason unrecognised-error, which, like no-time, proves nothing about
// the endpoint. The verdict, per endpoint:
//   - a certificate that fails by its dates alone: this computer's clock may be off (a
//     sign-in host's certificate is renewed long before it expires);
//   - any other certificate that does not verify, at whatever endpoint: TLS interception (a
//     proxy or security product re-signing the traffic, or a certificate for another name);
//   - a proxy that wants a user name and password: said (warn), since this check does not
//     sign in to proxies and a browser may;
//   - a mail endpoint refused or timing out at TCP while an https endpoint was reached: the
//     mail port is blocked (a firewall letting the web through);
//   - any other failure: the endpoint is unreachable at its stage.
//
// An endpoint the check's own deadline cut short (reason no-time), one that failed with an
// unrecognised error, or a malformed URL (stage config, reason bad-url) proves nothing: with such an endpoint and no finding the status is
// unknown. No endpoints configured: skipped. Offline: unknown, "offline" (see connectivity) —
// but the endpoints on this computer's own networks (network.Intranet: an intranet sign-in
// host, a mail server on the LAN) are still probed and judged, the others given reason
// offline, which proves nothing. publicip asks an echo service on the intranet the same way.
//
// Details: "endpoints" ([]EndpointResult, in configuration order: url, ok, stage, reason,
// error — the raw text —, ms, via — "direct" or the proxy, without credentials —, issuer,
// http_status), "proxy" (the proxy the https endpoints went through, "" for direct), "mail"
// ("direct"). Findings (all fail), with their Params:
//   - tls-intercepted: endpoint, issuer (who issued the certificate that does not verify)
//   - certificate-date-invalid: endpoint, not_before, not_after ("2006-01-02 15:04 UTC")
//   - proxy-auth-required (warn): endpoint, proxy
//   - mail-port-blocked: endpoint, port
//   - endpoint-unreachable: endpoint, stage
//
// # Shared helpers
//
// The plumbing these checks share with the clock (the system proxy, the probe HTTP client,
// the dialer, the offline gate) is the package checks/network. Here: refused_*.go says which
// socket errors mean a host answered with a reset, and the accessors of each check's payload
// (ConnectivityFrom, OnlineFrom, PublicIPFrom, VPNFrom, AllowlistFrom, ReachFrom).
package netcheck
