package timesync

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"howett.net/plist"
)

// timedPlists hold "Set time and date automatically" (TMAutomaticTimeOnlyEnabled): a
// profile's managed setting first, then timed's own preferences, then the system's.
var timedPlists = []string{
	"/Library/Managed Preferences/com.apple.timed.plist",
	"/private/var/db/timed/Library/Preferences/com.apple.timed.plist",
	"/Library/Preferences/com.apple.timed.plist",
}

const macSource = "macOS network time"

// parseTimedPlist reads TMAutomaticTimeOnlyEnabled from a timed preferences plist (binary or
// XML).
func parseTimedPlist(data []byte) (enabled, ok bool) {
	var prefs map[string]any
	if _, err := plist.Unmarshal(data, &prefs); err != nil {
		return false, false
	}
	enabled, ok = prefs["TMAutomaticTimeOnlyEnabled"].(bool)
	return enabled, ok
}

// parseSystemsetup reads `systemsetup -getusingnetworktime`: "Network Time: On" or "Off".
// Without administrator rights it prints "You need administrator access …" instead.
func parseSystemsetup(out []byte) (enabled, ok bool) {
	_, v, found := strings.Cut(string(out), "Network Time:")
	if !found {
		return false, false
	}
	switch strings.ToLower(firstWord(v)) {
	case "on":
		return true, true
	case "off":
		return false, true
	}
	return false, false
}

// parseNTPConf returns the first server of /etc/ntp.conf, which System Settings writes
// ("server time.apple.com.").
func parseNTPConf(data []byte) string {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) >= 2 && f[0] == "server" {
			return strings.TrimSuffix(f[1], ".")
		}
	}
	return ""
}

// darwinState reads the setting from timed's preferences, else from systemsetup.
func darwinState(ctx context.Context, run Runner, readFile func(string) ([]byte, error)) (state, error) {
	st := state{known: true, source: macSource}
	found := false
	var errs []error
	for _, path := range timedPlists {
		data, err := readFile(path)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if st.enabled, found = parseTimedPlist(data); found {
			break
		}
	}
	if !found {
		out, err := run(ctx, "systemsetup", "-getusingnetworktime")
		if st.enabled, found = parseSystemsetup(out); !found || err != nil {
			errs = append(errs, err, fmt.Errorf("systemsetup said %q", strings.TrimSpace(string(out))))
			return state{source: macSource}, errors.Join(errs...)
		}
	}
	if data, err := readFile("/etc/ntp.conf"); err == nil && st.enabled {
		if server := parseNTPConf(data); server != "" {
			st.source = macSource + " (" + server + ")"
		}
	}
	return st, nil
}
