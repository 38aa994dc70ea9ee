package timesync

import (
	"fmt"
	"syscall"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// hklm is a Registry holding values as Windows keeps them under W32Time; the registry itself
// cannot run here.
type hklm map[string]any

// errFileNotFound is what the registry returns for a missing value: ERROR_FILE_NOT_FOUND,
// Errno 2 (ENOENT where the test runs elsewhere; fs.ErrNotExist on both).
var errFileNotFound = syscall.Errno(2)

func (h hklm) String(path, name string) (string, error) {
	if v, ok := h[path+`\`+name].(string); ok {
		return v, nil
	}
	return "", fmt.Errorf(`reading HKLM\%s\%s: %w`, path, name, errFileNotFound)
}

func (h hklm) Integer(path, name string) (uint64, error) {
	if v, ok := h[path+`\`+name].(int); ok {
		return uint64(v), nil
	}
	return 0, fmt.Errorf(`reading HKLM\%s\%s: %w`, path, name, errFileNotFound)
}

// w32 is a registry with W32Time's Type, the service's Start and the NTP client's Enabled.
func w32(typ string, start, client int) hklm {
	return hklm{
		w32timeKey + `\Parameters\Type`:                 typ,
		w32timeKey + `\Start`:                           start,
		w32timeKey + `\TimeProviders\NtpClient\Enabled`: client,
	}
}

func TestWindows(t *testing.T) {
	const manual, auto, disabled = 3, 2, 4
	statusEN := map[string]answer{"w32tm /query /status": {file: "w32tm-status-en.txt"}}
	statusJA := map[string]answer{"w32tm /query /status": {file: "w32tm-status-ja.txt"}}
	tests := []struct {
		name  string
		reg   Registry
		progs map[string]answer
		want  want
	}{
		{"given Type NTP and an English status then ok with its server", w32("NTP", manual, 1), statusEN,
			want{checks.OK, "true", "W32Time (time.windows.com)", "true"}},
		{"given Type NTP and a Japanese status then ok with its server", w32("NTP", manual, 1), statusJA,
			want{checks.OK, "true", "W32Time (time.windows.com)", "true"}},
		{"given a domain member (NT5DS) on the local CMOS clock then on, not synchronised", w32("NT5DS", auto, 1),
			map[string]answer{"w32tm /query /status": {file: "w32tm-status-cmos-en.txt"}},
			want{checks.OK, "true", "W32Time (Local CMOS Clock)", "false"}},
		{"given the service stopped (trigger start) in Japanese then still on", w32("NTP", manual, 1),
			map[string]answer{"w32tm /query /status": {file: "w32tm-status-stopped-ja.txt", err: "exit status 0x80070426"}},
			want{checks.OK, "true", "W32Time", ""}},
		{"given Type NoSync (set time automatically off) then time-sync-off", w32("NoSync", manual, 1), statusEN,
			want{checks.Warn, "false", "W32Time", ""}},
		{"given the service disabled then time-sync-off", w32("NTP", disabled, 1), statusEN,
			want{checks.Warn, "false", "W32Time", ""}},
		{"given the NTP client provider disabled then time-sync-off", w32("NTP", manual, 0), statusEN,
			want{checks.Warn, "false", "W32Time", ""}},
		{"given no registry and an English configuration then ok", nil,
			map[string]answer{"w32tm /query /configuration": {file: "w32tm-configuration-en.txt"}, "w32tm /query /status": {file: "w32tm-status-en.txt"}},
			want{checks.OK, "true", "W32Time (time.windows.com)", "true"}},
		{"given no registry and a Japanese NoSync configuration then time-sync-off", hklm{},
			map[string]answer{"w32tm /query /configuration": {file: "w32tm-configuration-ja-nosync.txt"}},
			want{checks.Warn, "false", "W32Time", ""}},
		{"given neither registry nor w32tm then unknown", hklm{}, nil, want{checks.Unknown, "", "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := windowsState(t.Context(), programs(t, tt.progs), tt.reg)
			tt.want.check(t, verdict(st, err))
		})
	}
}

func TestW32tmStoppedServiceIsNotASource(t *testing.T) {
	for _, f := range []string{"w32tm-status-stopped-en.txt", "w32tm-status-stopped-ja.txt"} {
		if src, synced := parseW32tmStatus(recorded(t, f)); src != "" || synced != nil {
			t.Errorf("%s: source %q synced %v, want none", f, src, synced)
		}
	}
}
