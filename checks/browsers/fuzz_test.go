package browsers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addFiles seeds a fuzz target with the files of a testdata directory.
func addFiles(f *testing.F, dir string) {
	f.Helper()
	entries, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join("testdata", dir, e.Name())); err == nil {
			f.Add(data)
		}
	}
}

// FuzzDesktopEntry: any file either fails to parse or yields a command line that, when it
// opens a URL, passes that URL whole and never runs the URL as the program.
func FuzzDesktopEntry(f *testing.F) {
	addFiles(f, "desktop")
	f.Add([]byte("[Desktop Entry]\nExec=\"a b\" %%u %i %c %k \"%U\"\nIcon=x\n"))
	f.Add([]byte("[Desktop Entry]\nExec=env A=1 \\\\\"x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		e, err := parseDesktopEntry(data)
		if err != nil || e.Exec == "" {
			return
		}
		argv, err := splitExec(e.Exec)
		if err != nil {
			return
		}
		out, err := expandExec(launch{argv: argv, fieldCodes: true, icon: e.Icon, name: e.Name}, signInURL)
		if err != nil {
			return
		}
		if len(out) == 0 || strings.Contains(out[0], signInURL) {
			t.Fatalf("Exec %q built %q: the URL would be run as the program", e.Exec, out)
		}
		found := false
		for _, a := range out {
			found = found || strings.Contains(a, signInURL)
		}
		if !found {
			t.Fatalf("Exec %q built %q without the URL", e.Exec, out)
		}
	})
}

// FuzzMimeapps: any file either fails or yields non-empty desktop ids.
func FuzzMimeapps(f *testing.F) {
	f.Add([]byte(xdgSettingsWrites))
	f.Add([]byte("[Added Associations]\nx-scheme-handler/https=a.desktop;b.desktop;\n[Default Applications]\nx-scheme-handler/https=a\\;b.desktop;;c.desktop\n"))
	f.Add([]byte("[Default Applications]\nx-scheme-handler/https=\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		defaults, err := parseMimeappsDefaults(data)
		if err != nil {
			return
		}
		for mime, list := range defaults {
			for _, id := range list {
				if strings.TrimSpace(id) == "" {
					t.Fatalf("%s has an empty id in %q", mime, list)
				}
			}
		}
	})
}

// FuzzLSHandlers: any bytes either fail or yield a default bundle id.
func FuzzLSHandlers(f *testing.F) {
	addFiles(f, "macos")
	f.Add([]byte("bplist00"))
	f.Add([]byte(`{LSHandlers = ({LSHandlerURLScheme = https; LSHandlerRoleAll = "com.brave.browser";});}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		handlers, err := parseLSHandlers(data)
		if err != nil {
			return
		}
		if id, _ := defaultBundleID(handlers); id == "" || id == "-" {
			t.Fatalf("default bundle id %q from %v", id, handlers)
		}
	})
}
