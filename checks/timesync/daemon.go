package timesync

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"strings"
)

// parseChronyTracking reads `chronyc -n tracking`. ok is false when the output is not a
// tracking report (chronyc prints "506 Cannot talk to daemon" when chronyd is not running).
//
// A reference ID of 127.127.1.1 (7F7F0101, chrony's "local" directive) or LOCL (4C4F434C,
// ntpd's local clock driver) means chronyd follows no time server: it serves this computer's
// own clock as the reference, so the clock is not kept to true time, whatever the leap status
// says. That is reported as synchronisation off, naming what it is.
func parseChronyTracking(out []byte) (st state, ok bool) {
	props := properties(out, " : ")
	leap, hasLeap := props["Leap status"]
	ref, hasRef := props["Reference ID"]
	if !hasRef || !hasLeap {
		return state{}, false
	}
	if id, _, _ := strings.Cut(ref, " "); id == "7F7F0101" || id == "4C4F434C" {
		return state{known: true, enabled: false, source: chronyLocal}, true
	}
	return state{known: true, enabled: true, source: "chrony", synchronized: yes(leap != "Not synchronised")}, true
}

// chronyLocal names a chronyd whose only reference is this computer's own clock.
const chronyLocal = "chrony (no time server: its reference is this computer's own clock)"

// parseNtpqPeers reads `ntpq -pn` (ntpd and NTPsec): a header, a rule, one line per peer; the
// peer the clock follows is marked with "*" (or "o" for a PPS peer).
func parseNtpqPeers(out []byte) (st state, ok bool) {
	sc := bufio.NewScanner(bytes.NewReader(out))
	header := false
	synced := false
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, "remote") && strings.Contains(line, "refid") {
			header = true
			continue
		}
		if header && (strings.HasPrefix(line, "*") || strings.HasPrefix(line, "o")) {
			synced = true
		}
	}
	if !header {
		return state{}, false
	}
	return state{known: true, enabled: true, source: "ntpd", synchronized: yes(synced)}, true
}

// daemonState asks chronyd, then ntpd. It is known only when one of them answers: a daemon
// that is not running says nothing about the others, and a program that failed (a non-zero
// exit) is not read, whatever it printed.
func daemonState(ctx context.Context, run Runner) (state, error) {
	out, err := run(ctx, "chronyc", "-n", "tracking")
	if st, ok := parseChronyTracking(out); ok && err == nil {
		return st, nil
	}
	out, err2 := run(ctx, "ntpq", "-pn")
	if st, ok := parseNtpqPeers(out); ok && err2 == nil {
		return st, nil
	}
	return state{}, errors.Join(err, err2)
}
