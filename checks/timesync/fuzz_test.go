package timesync

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// seedFiles adds the recorded outputs of testdata matching glob to f's corpus.
func seedFiles(f *testing.F, glob string) {
	f.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", glob))
	if err != nil || len(paths) == 0 {
		f.Fatalf("no recorded outputs match testdata/%s (%v)", glob, err)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzTimedatectl: any output of `timedatectl show` or `timedatectl status` reads as known
// only with an NTP setting in it, and "can NTP" is never false while NTP is on.
func FuzzTimedatectl(f *testing.F) {
	seedFiles(f, "timedatectl-*")
	f.Fuzz(func(t *testing.T, out []byte) {
		for name, parse := range map[string]func([]byte) (timedated, bool){"show": parseTimedatectlShow, "status": parseTimedatectlStatus} {
			td, ok := parse(out)
			if ok != (td.ntp != nil) {
				t.Fatalf("%s: ok %v with NTP %v from %q", name, ok, td.ntp, out)
			}
			if ok && *td.ntp && td.canNTP != nil && !*td.canNTP {
				t.Fatalf("%s: NTP on but cannot NTP, from %q", name, out)
			}
		}
	})
}

// FuzzDaemons: any output of `chronyc -n tracking` or `ntpq -pn` is known only when it has
// the report's own labels, and then says the daemon is on — except chrony following only its
// local clock (reference 127.127.1.1), which is off and named so.
func FuzzDaemons(f *testing.F) {
	seedFiles(f, "ntpq-*")
	seedFiles(f, "chronyc-*")
	f.Add([]byte("Reference ID    : 7F000001 (127.0.0.1)\nStratum         : 9\nLeap status     : Normal\n"))
	f.Add([]byte("Reference ID    : 7F7F0101 ()\nStratum         : 10\nLeap status     : Normal\n"))
	f.Add([]byte("506 Cannot talk to daemon\n"))
	f.Fuzz(func(t *testing.T, out []byte) {
		if st, ok := parseChronyTracking(out); ok {
			local := !st.enabled && st.source == chronyLocal && st.synchronized == nil
			on := st.enabled && st.synchronized != nil
			if !(local || on) || !strings.Contains(string(out), "Reference ID") {
				t.Fatalf("chrony: %+v from %q", st, out)
			}
		}
		if st, ok := parseNtpqPeers(out); ok && (!st.enabled || st.synchronized == nil || !strings.Contains(string(out), "refid")) {
			t.Fatalf("ntpq: %+v from %q", st, out)
		}
	})
}

// FuzzW32tm: any output of `w32tm /query /configuration` or `/status`, in any language,
// gives a provider type of one word, and a source only with a verdict on it.
func FuzzW32tm(f *testing.F) {
	seedFiles(f, "w32tm-*")
	f.Fuzz(func(t *testing.T, out []byte) {
		if w, ok := parseW32tmConfiguration(out); ok && strings.IndexFunc(w.typ, unicode.IsSpace) >= 0 {
			t.Fatalf("type %q from %q", w.typ, out)
		}
		if source, synced := parseW32tmStatus(out); synced != nil && source == "" {
			t.Fatalf("a verdict (%v) without a source from %q", *synced, out)
		}
	})
}

// FuzzMacSettings: any timed plist (binary or XML), systemsetup output or ntp.conf reads
// without a panic, and systemsetup is known only when it says "Network Time:".
func FuzzMacSettings(f *testing.F) {
	seedFiles(f, "timed-*")
	seedFiles(f, "systemsetup-*")
	seedFiles(f, "ntp.conf")
	f.Add([]byte("bplist00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		parseTimedPlist(data)
		if _, ok := parseSystemsetup(data); ok && !strings.Contains(string(data), "Network Time:") {
			t.Fatalf("systemsetup known from %q", data)
		}
		if s := parseNTPConf(data); strings.IndexFunc(s, unicode.IsSpace) >= 0 {
			t.Fatalf("server %q from %q", s, data)
		}
	})
}
