package browsers

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// regRoot is a registry hive.
type regRoot int

const (
	hkcu regRoot = iota
	hklm
)

func (r regRoot) String() string {
	if r == hklm {
		return "HKLM"
	}
	return "HKCU"
}

// errNotFound is what a registryReader returns, wrapped or not, for a missing key or value.
var errNotFound = errors.New("registry key or value not found")

// registryReader reads the Windows registry, in the 64-bit view (WOW6432Node is named in
// the path where the 32-bit view is wanted).
type registryReader interface {
	// SubKeys lists the names of the subkeys of path.
	SubKeys(root regRoot, path string) ([]string, error)
	// String reads a string value; name "" is the key's default value.
	String(root regRoot, path, name string) (string, error)
}

// Registry paths the check reads.
const (
	startMenuInternet = `SOFTWARE\Clients\StartMenuInternet`
	startMenuWOW64    = `SOFTWARE\WOW6432Node\Clients\StartMenuInternet`
	appPaths          = `SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\`
	urlAssociations   = `Software\Microsoft\Windows\Shell\Associations\UrlAssociations\`
)

// appPathExes are browser executables registered under App Paths, for browsers installed
// without a StartMenuInternet entry.
var appPathExes = []string{"chrome.exe", "msedge.exe", "firefox.exe", "brave.exe", "opera.exe", "vivaldi.exe", "iexplore.exe"}

// registrySource finds browsers in the Windows registry.
type registrySource struct {
	reg registryReader
}

// regScan is one scan's state.
type regScan struct {
	reg      registryReader
	found    []Browser
	byProgID map[string]int // lower-case https/http ProgId → index in found
	errs     []string
	readAny  bool
	// unread says a place that lists browsers could not be read (Inventory.Incomplete).
	unread bool
}

// Scan implements Source.
func (s registrySource) Scan(ctx context.Context) (Inventory, error) {
	sc := &regScan{reg: s.reg, byProgID: map[string]int{}}
	for _, place := range []struct {
		root regRoot
		path string
	}{{hkcu, startMenuInternet}, {hklm, startMenuInternet}, {hklm, startMenuWOW64}} {
		if err := ctx.Err(); err != nil {
			return Inventory{}, fmt.Errorf("reading the registry: %w", err)
		}
		sc.readClients(place.root, place.path)
	}
	sc.readAppPaths()
	if !sc.readAny {
		return Inventory{Errors: sc.errs}, errors.New("no StartMenuInternet or App Paths key is readable")
	}
	sc.fillVersions()
	inv := Inventory{Installed: sc.found}
	inv.Default, inv.DefaultFrom = sc.defaultBrowser()
	inv.Errors, inv.Incomplete = sc.errs, sc.unread
	return inv, nil
}

// note records an error other than a missing key, which is normal, and reports whether
// there was one.
func (sc *regScan) note(root regRoot, path string, err error) bool {
	if err != nil && !errors.Is(err, errNotFound) {
		sc.errs = append(sc.errs, fmt.Sprintf(`%s\%s: %v`, root, path, err))
		return true
	}
	return false
}

// str reads a string value, treating a missing one as empty.
func (sc *regScan) str(root regRoot, path, name string) string {
	v, err := sc.reg.String(root, path, name)
	sc.note(root, path, err)
	if err != nil {
		return ""
	}
	return v
}

// readClients reads one StartMenuInternet key: each subkey is a browser. A key name seen in
// an earlier place (the per-user one first) shadows later ones.
func (sc *regScan) readClients(root regRoot, base string) {
	keys, err := sc.reg.SubKeys(root, base)
	sc.unread = sc.note(root, base, err) || sc.unread
	if err != nil {
		return
	}
	sc.readAny = true
next:
	for _, k := range keys {
		for _, b := range sc.found {
			if strings.EqualFold(b.ID, k) {
				continue next
			}
		}
		key := base + `\` + k
		name := sc.str(root, key, "")
		if app := sc.str(root, key+`\Capabilities`, "ApplicationName"); name == "" && !strings.HasPrefix(app, "@") {
			name = app // "@C:\…\chrome.exe,-100" is a resource reference, not a name
		}
		exe := commandProgram(sc.str(root, key+`\shell\open\command`, ""))
		progID := sc.str(root, key+`\Capabilities\URLAssociations`, "https")
		if progID == "" {
			progID = sc.str(root, key+`\Capabilities\URLAssociations`, "http")
		}
		b := Browser{Name: name, ID: k, Path: exe}
		if exe != "" {
			b.launch = launch{argv: []string{exe}}
		}
		f, ok := byKey(k, baseName(exe))
		if !ok {
			f, ok = byProgID(progID)
		}
		if !ok {
			f, ok = byName(name)
		}
		classify(&b, f, ok)
		if b.Name == "" {
			b.Name = k
		}
		if progID != "" {
			sc.byProgID[strings.ToLower(progID)] = len(sc.found)
		}
		sc.found = append(sc.found, b)
	}
}

// readAppPaths adds browsers registered only under App Paths.
func (sc *regScan) readAppPaths() {
	for _, exe := range appPathExes {
		f, _ := byKey(exe)
		for _, root := range []regRoot{hkcu, hklm} {
			v, err := sc.reg.String(root, appPaths+exe, "")
			sc.unread = sc.note(root, appPaths+exe, err) || sc.unread
			if err == nil {
				sc.readAny = true
			}
			p := strings.Trim(strings.TrimSpace(v), `"`)
			if p == "" || sc.hasFamily(f.id) {
				continue
			}
			b := Browser{ID: exe, Path: p, launch: launch{argv: []string{p}}}
			classify(&b, f, true)
			sc.found = append(sc.found, b)
		}
	}
}

func (sc *regScan) hasFamily(id Family) bool {
	for _, b := range sc.found {
		if b.Family == id {
			return true
		}
	}
	return false
}

// defaultBrowser reads the user's https choice (then http): UserChoiceLatest, which
// Windows 11 resolves first where it exists, then UserChoice. A choice that cannot be read
// for a reason other than being absent may be the one Windows follows: the default is then
// unknown, not the next choice's.
func (sc *regScan) defaultBrowser() (*Browser, string) {
	for _, scheme := range []string{"https", "http"} {
		for _, choice := range []string{"UserChoiceLatest", "UserChoice"} {
			key := urlAssociations + scheme + `\` + choice
			progID, ok := sc.choice(key)
			if !ok {
				return nil, ""
			}
			if progID != "" {
				b := sc.browserOfProgID(progID)
				return &b, `HKCU\` + key
			}
		}
	}
	return nil, ""
}

// choice reads the ProgId of a UserChoice key, "" when it has none; ok is false when it could
// not be read.
func (sc *regScan) choice(key string) (progID string, ok bool) {
	for _, at := range []string{key, key + `\ProgId`} { // newer builds keep it in a subkey
		v, err := sc.reg.String(hkcu, at, "ProgId")
		if sc.note(hkcu, at, err) {
			return "", false
		}
		if v != "" {
			return v, true
		}
	}
	return "", true
}

// browserOfProgID maps a ProgId to a browser: one that registered it, else an installed one
// of the family its prefix names, else the program its class opens (HKCR\<ProgId>\shell\open
// \command: an installed browser with that path or file name, or a program known only by its
// path — Wine's UserChoice names the protocol class "https", whose program is winebrowser).
func (sc *regScan) browserOfProgID(progID string) Browser {
	if i, ok := sc.byProgID[strings.ToLower(progID)]; ok {
		return sc.found[i]
	}
	f, ok := byProgID(progID)
	if ok {
		if b, found := sc.installedOf(func(b Browser) bool { return b.Family == f.id }); found {
			return b
		}
	}
	exe := sc.progIDProgram(progID)
	if !ok && exe != "" {
		if b, found := sc.installedOf(func(b Browser) bool { return strings.EqualFold(b.Path, exe) }); found {
			return b
		}
		f, ok = byKey(baseName(exe))
		if ok {
			if b, found := sc.installedOf(func(b Browser) bool { return b.Family == f.id }); found {
				return b
			}
		}
	}
	b := Browser{ID: progID, Path: exe}
	if exe != "" {
		b.launch = launch{argv: []string{exe}}
	}
	classify(&b, f, ok)
	if b.Name == "" {
		b.Name = sc.progIDAppName(progID, exe)
	}
	return b
}

// installedOf returns the first installed browser match accepts.
func (sc *regScan) installedOf(match func(Browser) bool) (Browser, bool) {
	for _, b := range sc.found {
		if match(b) {
			return b, true
		}
	}
	return Browser{}, false
}

// progIDProgram returns the program a ProgId's class opens a URL with, "" when none is
// registered: the per-user class first, as Windows merges them into HKCR.
func (sc *regScan) progIDProgram(progID string) string {
	for _, root := range []regRoot{hkcu, hklm} {
		if cmd := sc.str(root, `SOFTWARE\Classes\`+progID+`\shell\open\command`, ""); cmd != "" {
			return commandProgram(cmd)
		}
	}
	return ""
}

// progIDAppName names a browser this package does not know from its ProgId's class: the
// application name it registers, else its program's file name, else the ProgId itself.
func (sc *regScan) progIDAppName(progID, exe string) string {
	for _, root := range []regRoot{hkcu, hklm} {
		if n := sc.str(root, `SOFTWARE\Classes\`+progID+`\Application`, "ApplicationName"); n != "" && !strings.HasPrefix(n, "@") {
			return n
		}
	}
	if exe != "" {
		return strings.TrimSuffix(baseName(exe), filepathExt(exe))
	}
	return progID
}

// filepathExt is the extension of a Windows path's file name (".exe"), "" when it has none.
func filepathExt(p string) string {
	name := baseName(p)
	if i := strings.LastIndex(name, "."); i > 0 {
		return name[i:]
	}
	return ""
}
