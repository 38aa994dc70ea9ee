package browsers

import (
	"strings"
)

// beacons are where Chromium-based browsers record the version they last ran as (HKCU).
var beacons = map[Family]string{
	Chrome:   `Software\Google\Chrome\BLBeacon`,
	Chromium: `Software\Chromium\BLBeacon`,
	Edge:     `Software\Microsoft\Edge\BLBeacon`,
	Brave:    `Software\BraveSoftware\Brave-Browser\BLBeacon`,
}

// uninstallKeys list the installed programs with their DisplayName and DisplayVersion.
var uninstallKeys = []struct {
	root regRoot
	path string
}{
	{hkcu, `Software\Microsoft\Windows\CurrentVersion\Uninstall`},
	{hklm, `SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall`},
	{hklm, `SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall`},
}

// fillVersions sets versions from cheap registry values. Versions are known per family, so a
// family with two channels installed (Chrome and Chrome Beta) is left without one rather
// than given the wrong one.
func (sc *regScan) fillVersions() {
	count := map[Family]int{}
	for _, b := range sc.found {
		count[b.Family]++
	}
	versions := map[Family]string{}
	for f, key := range beacons {
		if count[f] == 1 {
			versions[f] = sc.str(hkcu, key, "version")
		}
	}
	if count[Firefox] == 1 {
		// "128.0 (x64 en-US)": the version is the first word.
		versions[Firefox], _, _ = strings.Cut(sc.str(hklm, `SOFTWARE\Mozilla\Mozilla Firefox`, "CurrentVersion"), " ")
	}
	if sc.needVersion(count, versions) {
		sc.uninstallVersions(count, versions)
	}
	for i, b := range sc.found {
		if b.Family != "" {
			sc.found[i].Version = versions[b.Family]
		}
	}
}

func (sc *regScan) needVersion(count map[Family]int, versions map[Family]string) bool {
	for f, n := range count {
		if f != "" && n == 1 && versions[f] == "" {
			return true
		}
	}
	return false
}

// uninstallVersions reads DisplayVersion of the installed programs whose DisplayName names a
// browser family still without a version.
func (sc *regScan) uninstallVersions(count map[Family]int, versions map[Family]string) {
	for _, u := range uninstallKeys {
		keys, err := sc.reg.SubKeys(u.root, u.path)
		sc.note(u.root, u.path, err)
		for _, k := range keys {
			key := u.path + `\` + k
			name := sc.str(u.root, key, "DisplayName")
			if lower := strings.ToLower(name); strings.Contains(lower, "webview") || strings.Contains(lower, "update") {
				continue // Edge WebView2 is the embedded view and the updaters have their own versions
			}
			f, ok := byName(name)
			if !ok || count[f.id] != 1 || versions[f.id] != "" {
				continue
			}
			versions[f.id] = sc.str(u.root, key, "DisplayVersion")
		}
	}
}

// commandProgram returns the program of a Windows command line: the quoted first word, or
// the text up to ".exe" for an unquoted path with spaces in it.
func commandProgram(cmd string) string {
	cmd = strings.TrimSpace(cmd)
	if rest, ok := strings.CutPrefix(cmd, `"`); ok {
		prog, _, _ := strings.Cut(rest, `"`)
		return prog
	}
	if i := indexASCIIFold(cmd, ".exe"); i >= 0 {
		return cmd[:i+len(".exe")]
	}
	prog, _, _ := strings.Cut(cmd, " ")
	return prog
}

// indexASCIIFold is strings.Index ignoring the case of ASCII letters, on s's own bytes. An
// index found in strings.ToLower(s) would not do: a letter such as the Turkish İ lower-cases to
// a different number of bytes, and the index would cut the original in the wrong place. The
// bytes of a multi-byte UTF-8 letter are all 0x80 or more and never match an ASCII one.
func indexASCIIFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if asciiEqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func asciiEqualFold(a, b string) bool {
	for i := range len(a) {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// baseName returns the last element of a Windows or Unix path.
func baseName(p string) string {
	return p[strings.LastIndexAny(p, `\/`)+1:]
}
