package timesync

import (
	"io/fs"
	"testing"

	"howett.net/plist"

	"github.com/signin-doctor/signin-doctor/checks"
)

// files is a ReadFile over recorded files by their path on a Mac.
func files(t *testing.T, paths map[string][]byte) func(string) ([]byte, error) {
	return func(path string) ([]byte, error) {
		if b, ok := paths[path]; ok {
			return b, nil
		}
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrPermission}
	}
}

func TestMacOS(t *testing.T) {
	// timed writes its preferences in binary form; System Settings and profiles in XML.
	binaryOff, err := plist.Marshal(map[string]any{"TMAutomaticTimeOnlyEnabled": false, "TMAutomaticTimeZoneEnabled": true}, plist.BinaryFormat)
	if err != nil {
		t.Fatal(err)
	}
	timedDB := "/private/var/db/timed/Library/Preferences/com.apple.timed.plist"
	managed := "/Library/Managed Preferences/com.apple.timed.plist"
	ntpConf := recorded(t, "ntp.conf")
	tests := []struct {
		name  string
		files map[string][]byte
		progs map[string]answer
		want  want
	}{
		{"given timed's preference on then ok with the server", map[string][]byte{timedDB: recorded(t, "timed-on.plist"), "/etc/ntp.conf": ntpConf}, nil,
			want{checks.OK, "true", "macOS network time (time.apple.com)", ""}},
		{"given timed's binary preference off then time-sync-off", map[string][]byte{timedDB: binaryOff, "/etc/ntp.conf": ntpConf}, nil,
			want{checks.Warn, "false", "macOS network time", ""}},
		{"given a profile that forces it on over timed's off then ok", map[string][]byte{managed: recorded(t, "timed-on.plist"), timedDB: binaryOff}, nil,
			want{checks.OK, "true", "macOS network time", ""}},
		{"given unreadable preferences and systemsetup on then ok", nil, map[string]answer{"systemsetup -getusingnetworktime": {file: "systemsetup-on.txt"}},
			want{checks.OK, "true", "macOS network time", ""}},
		{"given unreadable preferences and systemsetup off then time-sync-off", nil, map[string]answer{"systemsetup -getusingnetworktime": {file: "systemsetup-off.txt"}},
			want{checks.Warn, "false", "macOS network time", ""}},
		{"given unreadable preferences and systemsetup without admin rights then unknown", nil,
			map[string]answer{"systemsetup -getusingnetworktime": {file: "systemsetup-noadmin.txt"}},
			want{checks.Unknown, "", "macOS network time", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := darwinState(t.Context(), programs(t, tt.progs), files(t, tt.files))
			tt.want.check(t, verdict(st, err))
		})
	}
}
