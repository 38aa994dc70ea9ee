package browsers

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"howett.net/plist"

	"github.com/signin-doctor/signin-doctor/checks"
)

// macFile returns a file of testdata/macos.
func macFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "macos", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// binaryPlist re-encodes an XML property list in the binary format macOS stores most in.
func binaryPlist(t testing.TB, xml []byte) []byte {
	t.Helper()
	var v any
	if _, err := plist.Unmarshal(xml, &v); err != nil {
		t.Fatal(err)
	}
	out, err := plist.Marshal(v, plist.BinaryFormat)
	if err != nil {
		t.Fatal(err)
	}
	if string(out[:6]) != "bplist" {
		t.Fatalf("not a binary plist: %q", out[:8])
	}
	return out
}

// macTree is a Mac with Chrome, Firefox, Safari (binary Info.plist, also in the Cryptex),
// TextEdit, a broken bundle, and Orion in the user's own Applications folder.
func macTree(t *testing.T, prefs []byte) string {
	safari := string(binaryPlist(t, macFile(t, "safari.Info.plist")))
	files := map[string]string{
		"Applications/Google Chrome.app/Contents/Info.plist":                                      string(macFile(t, "chrome.Info.plist")),
		"Applications/Firefox.app/Contents/Info.plist":                                            string(macFile(t, "firefox.Info.plist")),
		"Applications/Safari.app/Contents/Info.plist":                                             safari,
		"Applications/TextEdit.app/Contents/Info.plist":                                           string(macFile(t, "textedit.Info.plist")),
		"Applications/Broken.app/Contents/Info.plist":                                             "<plist><dict><key>CFBundleIdentifier</key>",
		"Applications/Empty.app/Contents/":                                                        "",
		"Applications/notes.txt":                                                                  "not a bundle",
		"System/Volumes/Preboot/Cryptexes/App/System/Applications/Safari.app/Contents/Info.plist": safari,
		"Users/u/Applications/Orion.app/Contents/Info.plist":                                      string(macFile(t, "orion.Info.plist")),
	}
	if prefs != nil {
		files["Users/u/"+launchServicesPrefs] = string(prefs)
	}
	return writeTree(t, files)
}

func TestMacSource(t *testing.T) {
	tests := []struct {
		name      string
		prefs     []byte
		defaultID string
		from      string
		status    checks.Status
		params    map[string]string
	}{
		{"given no LaunchServices choice, then Safari is the default", nil,
			"com.apple.Safari", "no LaunchServices choice: Safari", checks.OK, nil},
		{"given XML preferences where Firefox was chosen after Chrome, then the last https entry wins",
			macFile(t, "launchservices-firefox.plist"),
			"org.mozilla.firefox", "/Users/u/" + launchServicesPrefs, checks.OK, nil},
		{"given the same preferences in binary, then the same answer",
			binaryPlist(t, macFile(t, "launchservices-firefox.plist")),
			"org.mozilla.firefox", "/Users/u/" + launchServicesPrefs, checks.OK, nil},
		{"given only an http choice of Orion, then it is the default and not supported",
			binaryPlist(t, macFile(t, "launchservices-orion-http.plist")),
			"com.kagi.kagimacOS", "/Users/u/" + launchServicesPrefs, checks.Warn,
			map[string]string{"default": "Orion", "suggestion": "Google Chrome"}},
		{"given corrupt preferences, then the default is unknown", []byte("bplist00garbage"),
			"", "", checks.Unknown, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := macTree(t, tt.prefs)
			inv, err := MacSource{FS: os.DirFS(root), Home: "/Users/u"}.Scan(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			got := byID(inv.Installed)
			if len(inv.Installed) != 4 {
				t.Errorf("installed %q, want Chrome, Firefox, Safari and Orion", ids(inv.Installed))
			}
			checkBundle(t, got["com.google.Chrome"], "Google Chrome", "/Applications/Google Chrome.app", "131.0.6778.140", Chrome, true)
			checkBundle(t, got["org.mozilla.firefox"], "Firefox", "/Applications/Firefox.app", "133.0.3", Firefox, true)
			checkBundle(t, got["com.apple.Safari"], "Safari", "/Applications/Safari.app", "18.2", Safari, true)
			checkBundle(t, got["com.kagi.kagimacOS"], "Orion", "/Users/u/Applications/Orion.app", "0.99.130", "", false)
			if len(inv.Errors) == 0 {
				t.Error("the broken bundle was not reported")
			}
			switch {
			case tt.defaultID == "" && inv.Default != nil:
				t.Errorf("default = %+v, want unknown", inv.Default)
			case tt.defaultID != "" && (inv.Default == nil || inv.Default.ID != tt.defaultID || inv.DefaultFrom != tt.from):
				t.Errorf("default = %+v from %q, want %s from %q", inv.Default, inv.DefaultFrom, tt.defaultID, tt.from)
			}
			assertVerdict(t, inv, tt.status, tt.params)
		})
	}
}

func checkBundle(t *testing.T, b Browser, name, path, version string, f Family, supported bool) {
	t.Helper()
	if b.Name != name || b.Path != path || b.Version != version || b.Family != f || b.Supported != supported {
		t.Errorf("bundle = %+v, want %s at %s version %s family %q supported %v", b, name, path, version, f, supported)
	}
}

func TestMacSourceNoApplications(t *testing.T) {
	if _, err := (MacSource{FS: os.DirFS(t.TempDir()), Home: "/Users/u"}).Scan(context.Background()); err == nil {
		t.Error("a Mac without an Applications folder scanned fine; want an error so the check says unknown")
	}
}

func TestMacDefaultNotInstalled(t *testing.T) {
	// Chrome chosen, then removed from /Applications: still named, by its bundle id.
	root := writeTree(t, map[string]string{
		"Applications/Safari.app/Contents/Info.plist": string(macFile(t, "safari.Info.plist")),
		"Users/u/" + launchServicesPrefs:              string(macFile(t, "launchservices-firefox.plist")),
	})
	inv, err := MacSource{FS: os.DirFS(root), Home: "/Users/u"}.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if inv.Default == nil || inv.Default.Family != Firefox || inv.Default.Name != "Firefox" || !inv.Default.Supported {
		t.Errorf("default = %+v, want Firefox known by its bundle id", inv.Default)
	}
}
