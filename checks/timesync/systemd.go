package timesync

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"strings"
)

// timedated is what systemd's timedatectl says.
type timedated struct {
	ntp, canNTP, synced *bool
}

// parseTimedatectlShow reads `timedatectl show`: KEY=VALUE lines (systemd 239 and later).
func parseTimedatectlShow(out []byte) (timedated, bool) {
	var t timedated
	props := properties(out, "=")
	t.ntp, t.canNTP, t.synced = boolProp(props["NTP"]), boolProp(props["CanNTP"]), boolProp(props["NTPSynchronized"])
	return t, t.ntp != nil
}

// parseTimedatectlStatus reads `timedatectl status`, whose labels changed over systemd's
// versions: "NTP service: active" (systemd 239+), "systemd-timesyncd.service active: yes"
// (236–238), "Network time on: yes" (older); "System clock synchronized" or "NTP
// synchronized".
func parseTimedatectlStatus(out []byte) (timedated, bool) {
	var t timedated
	props := properties(out, ":")
	for _, k := range []string{"NTP service", "systemd-timesyncd.service active", "Network time on", "NTP enabled"} {
		v, ok := props[k]
		if !ok {
			continue
		}
		switch v {
		case "active", "yes":
			t.ntp, t.canNTP = yes(true), yes(true)
		case "inactive", "no":
			t.ntp, t.canNTP = yes(false), yes(true)
		case "n/a":
			t.ntp, t.canNTP = yes(false), yes(false)
		}
		break
	}
	for _, k := range []string{"System clock synchronized", "NTP synchronized"} {
		if v, ok := props[k]; ok {
			t.synced = boolProp(v)
			break
		}
	}
	return t, t.ntp != nil
}

// properties reads "key<sep>value" lines, keys and values trimmed.
func properties(out []byte, sep string) map[string]string {
	props := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), sep)
		if ok {
			props[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return props
}

// boolProp reads systemd's yes/no; nil for anything else.
func boolProp(v string) *bool {
	switch strings.ToLower(v) {
	case "yes", "true", "1":
		return yes(true)
	case "no", "false", "0":
		return yes(false)
	}
	return nil
}

// linuxState asks timedated, then chrony and ntpd directly. A daemon that answers wins over
// timedated's "off": chrony or ntpd may run without being the unit timedated manages.
func linuxState(ctx context.Context, run Runner) (state, error) {
	daemon, daemonErr := daemonState(ctx, run)
	t, ok, tdErr := askTimedated(ctx, run)
	switch {
	case daemon.known && daemon.source == chronyLocal:
		// timedated calls chrony "NTP active" whatever it follows; chrony says it follows nothing.
		return daemon, nil
	case daemon.known && daemon.enabled:
		if daemon.synchronized == nil && ok {
			daemon.synchronized = t.synced
		}
		return daemon, nil
	case ok && *t.ntp:
		return state{known: true, enabled: true, source: "systemd-timesyncd", synchronized: t.synced}, nil
	case ok && t.canNTP != nil && *t.canNTP:
		// Off in timedated, whichever unit it manages: "timedatectl set-ntp true" turns it on.
		return state{known: true, enabled: false, source: "timedatectl", synchronized: t.synced}, nil
	case ok:
		// timedated has no NTP service to switch on, and no daemon answered.
		return state{known: true, enabled: false, source: "timedatectl (no NTP service installed)", synchronized: t.synced}, nil
	}
	if daemon.known {
		return daemon, nil
	}
	return state{}, errors.Join(tdErr, daemonErr)
}

// askTimedated tries `timedatectl show`, then `timedatectl status` for older systemd.
func askTimedated(ctx context.Context, run Runner) (timedated, bool, error) {
	out, err := run(ctx, "timedatectl", "show")
	if err == nil {
		if t, ok := parseTimedatectlShow(out); ok {
			return t, true, nil
		}
	}
	out, err2 := run(ctx, "timedatectl", "status")
	if err2 == nil {
		if t, ok := parseTimedatectlStatus(out); ok {
			return t, true, nil
		}
	}
	return timedated{}, false, errors.Join(err, err2)
}
