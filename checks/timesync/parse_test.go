package timesync

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// recorded reads a file of testdata.
func recorded(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// answer is what a program prints and how it exits.
type answer struct {
	file string // testdata file holding its standard output
	err  string // non-empty: it exits non-zero with this on standard error
}

// programs is a Runner that answers from recorded output; a program it does not know is not
// installed.
func programs(t *testing.T, known map[string]answer) Runner {
	return func(_ context.Context, name string, args ...string) ([]byte, error) {
		line := strings.Join(append([]string{name}, args...), " ")
		a, ok := known[line]
		if !ok {
			return nil, fmt.Errorf("%s: %w", name, exec.ErrNotFound)
		}
		var out []byte
		if a.file != "" {
			out = recorded(t, a.file)
		}
		if a.err != "" {
			return out, fmt.Errorf("%s: exit status 1: %s", name, a.err)
		}
		return out, nil
	}
}

// want is what a result must say; synchronized is "" when the details must not have it.
type want struct {
	status       checks.Status
	enabled      string // "true", "false", or "" for unknown
	source       string
	synchronized string
}

func (w want) check(t *testing.T, r checks.Result) {
	t.Helper()
	if r.Status != w.status {
		t.Fatalf("status %s, want %s: %s %v", r.Status, w.status, r.Summary, r.Details)
	}
	got := func(k string) string {
		if v, ok := r.Details[k]; ok {
			return fmt.Sprint(v)
		}
		return ""
	}
	if got("enabled") != w.enabled || got("source") != w.source || got("synchronized") != w.synchronized {
		t.Errorf("details %v, want enabled %q source %q synchronized %q", r.Details, w.enabled, w.source, w.synchronized)
	}
	off := w.enabled == "false"
	if (len(r.Findings) == 1 && r.Findings[0].ID == checks.FindingTimeSyncOff && r.Findings[0].Params["source"] == w.source) != off {
		t.Errorf("findings %+v, want time-sync-off with source %q: %v", r.Findings, w.source, off)
	}
	if r.Status == checks.Unknown && r.Details["error"] == nil {
		t.Errorf("unknown without the reason in details: %v", r.Details)
	}
}

func TestLinux(t *testing.T) {
	stopped := answer{err: "506 Cannot talk to daemon"}
	refused := answer{err: "ntpq: read: Connection refused"}
	tests := []struct {
		name  string
		progs map[string]answer
		want  want
	}{
		{"given timedatectl show with NTP on then ok", map[string]answer{
			"timedatectl show": {file: "timedatectl-show-on.txt"}, "chronyc -n tracking": stopped},
			want{checks.OK, "true", "systemd-timesyncd", "true"}},
		{"given timedatectl show with NTP off then time-sync-off", map[string]answer{
			"timedatectl show": {file: "timedatectl-show-off.txt"}, "chronyc -n tracking": stopped, "ntpq -pn": refused},
			want{checks.Warn, "false", "timedatectl", "false"}},
		{"given no NTP service installed and none running then time-sync-off", map[string]answer{
			"timedatectl show": {file: "timedatectl-show-no-ntp.txt"}},
			want{checks.Warn, "false", "timedatectl (no NTP service installed)", "false"}},
		{"given timedatectl off but ntpd following a peer then ok by ntpd", map[string]answer{
			"timedatectl show": {file: "timedatectl-show-off.txt"}, "chronyc -n tracking": stopped, "ntpq -pn": {file: "ntpq-pn-synced.txt"}},
			want{checks.OK, "true", "ntpd", "true"}},
		{"given ntpd still starting and no systemd then ok, not yet synchronised", map[string]answer{
			"ntpq -pn": {file: "ntpq-pn-starting.txt"}},
			want{checks.OK, "true", "ntpd", "false"}},
		{"given systemd 252 without show then status is read", map[string]answer{
			"timedatectl show": {err: "Unknown command verb show."}, "timedatectl status": {file: "timedatectl-status-252.txt"}},
			want{checks.OK, "true", "systemd-timesyncd", "true"}},
		{"given systemd 237 with timesyncd inactive then time-sync-off", map[string]answer{
			"timedatectl show": {err: "Unknown operation show"}, "timedatectl status": {file: "timedatectl-status-237.txt"}},
			want{checks.Warn, "false", "timedatectl", "false"}},
		{"given systemd 219 NTP enabled then ok", map[string]answer{
			"timedatectl show": {err: "Unknown operation show"}, "timedatectl status": {file: "timedatectl-status-219.txt"}},
			want{checks.OK, "true", "systemd-timesyncd", "true"}},
		{"given systemd 229 network time off then time-sync-off", map[string]answer{
			"timedatectl show": {err: "Unknown operation show"}, "timedatectl status": {file: "timedatectl-status-229.txt"}},
			want{checks.Warn, "false", "timedatectl", "false"}},
		// timedated calls chrony "NTP on" (it is the active NTP unit) whatever chrony follows.
		{"given timedatectl NTP on but chrony following only its local clock then time-sync-off", map[string]answer{
			"timedatectl show": {file: "timedatectl-show-on.txt"}, "chronyc -n tracking": {file: "chronyc-tracking-local.txt"}},
			want{checks.Warn, "false", chronyLocal, ""}},
		{"given no systemd and no daemon then unknown", map[string]answer{
			"timedatectl show":    {err: "System has not been booted with systemd as init system (PID 1). Can't operate."},
			"timedatectl status":  {err: "System has not been booted with systemd as init system (PID 1). Can't operate."},
			"chronyc -n tracking": stopped},
			want{checks.Unknown, "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := linuxState(t.Context(), programs(t, tt.progs))
			tt.want.check(t, verdict(st, err))
		})
	}
}
