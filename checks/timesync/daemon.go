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
func parseChronyTracking(out []byte) (st state, ok bool) {
	props := properties(out, " : ")
	leap, hasLeap := props["Leap status"]
	if _, hasRef := props["Reference ID"]; !hasRef || !hasLeap {
		return state{}, false
	}
	return state{known: true, enabled: true, source: "chrony", synchronized: yes(leap != "Not synchronised")}, true
}

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
// that is not running says nothing about the others.
func daemonState(ctx context.Context, run Runner) (state, error) {
	out, err := run(ctx, "chronyc", "-n", "tracking")
	if st, ok := parseChronyTracking(out); ok {
		return st, nil
	}
	out, err2 := run(ctx, "ntpq", "-pn")
	if st, ok := parseNtpqPeers(out); ok {
		return st, nil
	}
	return state{}, errors.Join(err, err2)
}
