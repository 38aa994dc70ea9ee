// Package clock is the `clock` check: how far this computer's clock is from true time, which
// decides whether its one-time codes (and the phone's, compared against it) are accepted.
//
// Like every network check it follows the connectivity check (network.UntilOffline): it
// starts at once and stops, unknown "offline", as soon as connectivity finds no network —
// unless some configured NTP servers are on this computer's own networks (network.Intranet:
// an office's time server on its LAN, which answers with no way to the Internet). Those alone
// are then asked, and their answer is judged as any other.
//
// Every configured NTP server is asked once, in parallel; answers that fail validation
// (kiss-of-death, stratum 0 or 16, leap indicator 3, a reply that does not echo our origin
// timestamp, a version other than the NTPv4 asked (or v3), a root distance too large to tell
// anything, a precision out of range) are dropped and named in the details, and the answer
// with the smallest root distance is kept. An answer the ntp package itself fails on (it
// panics on some) is rejected as a "malformed answer": one hostile datagram never ends the
// process. Where no NTP server
// answers — offices often block UDP 123 — the HTTPS Date header of the sign-in host stands in,
// with its one-second resolution in the error bound, through the system proxy. A clock far
// off sees the host's good certificate as not yet valid or expired: then the host is asked
// again with its certificate verified at a time within its validity, and its Date is used
// only if that falls within the validity too (the server's outcome says so in "note"). A Date
// that came over a certificate that does not verify — an office proxy re-signing TLS with a CA
// this computer does not trust — is anybody's, and is not taken. When nothing answers the
// result is Unknown, never OK.
//
// A server that answers with a kiss-of-death is respected for the life of the Check: after
// RATE it is not asked again until a back-off has passed, after DENY or RSTR never again.
//
// Details: offset_ms (true time minus local time: positive means this clock is behind),
// error_ms (half the round trip plus the source's own error), rtt_ms, server, method ("ntp" or
// "https-date"), servers (each server's outcome, see ServerOutcome); error when nothing
// answered.
//
// Findings and their Params:
//   - clock-skew (by Options.Thresholds: warn from WarnAt, fail from FailAt): offset_seconds
//     (absolute, one decimal), direction ("ahead" or "behind": this computer's clock relative
//     to true time), error_seconds, server.
//   - timezone-mismatch (|offset| of an hour or more, within two minutes of a whole number of
//     hours: the clock was set by hand in the wrong time zone): hours (absolute whole number),
//     direction.
package clock
