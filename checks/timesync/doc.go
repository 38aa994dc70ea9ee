// Package timesync is the `timesync` check: whether the operating system keeps its clock
// synchronised automatically. It reads local state only, so it works offline.
//
//   - Linux: `timedatectl show` (or `timedatectl status` on older systemd), then chrony
//     (`chronyc -n tracking`) or ntpd (`ntpq -pn`) when timedated cannot tell. A chronyd
//     whose reference is 127.127.1.1 ("local stratum N": it serves this computer's own clock
//     and follows no server) keeps no true time: synchronisation off, whatever timedated says.
//     Nor does a chronyd started with -x, which tracks time but never sets the clock: its
//     arguments (/proc/PID/cmdline) say so where chronyc cannot.
//   - Windows: the W32Time Parameters\Type registry value (NoSync means off), the service's
//     start type and the NTP client's Enabled, else `w32tm /query /configuration`;
//     `w32tm /query /status` names the source. w32tm's labels are localised (Japanese Windows
//     prints ソース for Source), so the registry comes first and only language-neutral parts
//     of w32tm are relied on. A start type or Enabled the registry does not hold is the
//     default (not disabled, on); one it refuses to read (access denied) is not: the registry
//     cannot tell then, and w32tm decides, or nothing does.
//   - macOS: "Set time and date automatically" (TMAutomaticTimeOnlyEnabled in
//     /Library/Preferences/com.apple.timed.plist), else `systemsetup -getusingnetworktime`;
//     the server from /etc/ntp.conf.
//
// Only what the code recognises leads to a verdict: a program that failed (a non-zero exit) is
// not read, whatever it printed, and an error it does not know leaves the check unknown, with
// the raw error in "error".
//
// The parsers live in untagged files and are tested on every OS with recorded real output;
// only the choice of probe is per OS.
//
// Details: enabled (bool; absent when unknown), source (what synchronises the clock, or what
// would), synchronized (bool, where the OS says), error (when it could not tell).
//
// Finding time-sync-off (warn), Params: source (the mechanism that is switched off:
// "systemd-timesyncd", "chrony", "chrony (no time server: its reference is this computer's own
// clock)", "chrony (started with -x: it does not set this computer's clock)", "W32Time",
// "macOS network time" …).
package timesync
