package browsers

import (
	"context"
	"errors"
	"maps"
	"os"
	"os/exec"
	"slices"
	"testing"
)

// debianBrowsers is a system with Debian's firefox-esr, chromium and GNOME Web installed.
func debianBrowsers(t testing.TB) map[string]string {
	return map[string]string{
		"usr/share/applications/firefox-esr.desktop":        desktopFile(t, "firefox-esr.desktop"),
		"usr/share/applications/chromium.desktop":           desktopFile(t, "chromium.desktop"),
		"usr/share/applications/org.gnome.Epiphany.desktop": desktopFile(t, "org.gnome.Epiphany.desktop"),
		"usr/share/applications/kfmclient_html.desktop":     desktopFile(t, "kfmclient_html.desktop"),
	}
}

// xdgSettingsWrites is what `xdg-settings set default-web-browser firefox-esr.desktop`
// writes to $XDG_CONFIG_HOME/mimeapps.list (xdg-utils 1.1.3, Debian 12).
const xdgSettingsWrites = `
[Default Applications]
text/html=firefox-esr.desktop
x-scheme-handler/http=firefox-esr.desktop
x-scheme-handler/https=firefox-esr.desktop
x-scheme-handler/about=firefox-esr.desktop
x-scheme-handler/unknown=firefox-esr.desktop
`

func TestLinuxDefaultBrowser(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		env      map[string]string
		wantID   string // "" means no default
		wantFrom string
	}{
		{
			name:     "given the file xdg-settings writes, then its https handler is the default",
			files:    map[string]string{"home/u/.config/mimeapps.list": xdgSettingsWrites},
			env:      homeEnv(),
			wantID:   "firefox-esr.desktop",
			wantFrom: "/home/u/.config/mimeapps.list",
		},
		{
			name: "given a user choice and a system default, then the user's wins",
			files: map[string]string{
				"home/u/.config/mimeapps.list": "[Default Applications]\nx-scheme-handler/https=chromium.desktop\n",
				"etc/xdg/mimeapps.list":        "[Default Applications]\nx-scheme-handler/https=firefox-esr.desktop\n",
			},
			env:      homeEnv(),
			wantID:   "chromium.desktop",
			wantFrom: "/home/u/.config/mimeapps.list",
		},
		{
			name: "given a desktop-specific file, then it beats the plain one in the same directory",
			files: map[string]string{
				"home/u/.config/mimeapps.list":       "[Default Applications]\nx-scheme-handler/https=chromium.desktop\n",
				"home/u/.config/gnome-mimeapps.list": "[Default Applications]\nx-scheme-handler/https=org.gnome.Epiphany.desktop\n",
			},
			env:      homeEnv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME"),
			wantID:   "org.gnome.Epiphany.desktop",
			wantFrom: "/home/u/.config/gnome-mimeapps.list",
		},
		{
			name: "given a list whose first id is not installed, then the next installed one is taken",
			files: map[string]string{
				"usr/share/applications/mimeapps.list": "[Default Applications]\nx-scheme-handler/https=google-chrome.desktop;chromium.desktop;\n",
			},
			env:      homeEnv(),
			wantID:   "chromium.desktop",
			wantFrom: "/usr/share/applications/mimeapps.list",
		},
		{
			name: "given only a missing browser in the user's file, then the next file decides",
			files: map[string]string{
				"home/u/.config/mimeapps.list": "[Default Applications]\nx-scheme-handler/https=google-chrome.desktop\n",
				"etc/xdg/mimeapps.list":        "[Default Applications]\nx-scheme-handler/https=firefox-esr.desktop\n",
			},
			env:      homeEnv(),
			wantID:   "firefox-esr.desktop",
			wantFrom: "/etc/xdg/mimeapps.list",
		},
		{
			name: "given https nowhere and http in the user's file, then http's handler is the default",
			files: map[string]string{
				"home/u/.config/mimeapps.list": "[Added Associations]\nx-scheme-handler/https=chromium.desktop;\n\n[Default Applications]\nx-scheme-handler/http=kfmclient_html.desktop\n",
			},
			env:      homeEnv(),
			wantID:   "kfmclient_html.desktop",
			wantFrom: "/home/u/.config/mimeapps.list",
		},
		{
			name: "given https in a system file and http in the user's, then https wins",
			files: map[string]string{
				"home/u/.config/mimeapps.list":         "[Default Applications]\nx-scheme-handler/http=chromium.desktop\n",
				"usr/share/applications/mimeapps.list": "[Default Applications]\nx-scheme-handler/https=firefox-esr.desktop\n",
			},
			env:      homeEnv(),
			wantID:   "firefox-esr.desktop",
			wantFrom: "/usr/share/applications/mimeapps.list",
		},
		{
			name: "given XDG_CONFIG_HOME and XDG_CONFIG_DIRS, then they replace the defaults",
			files: map[string]string{
				"home/u/.config/mimeapps.list": "[Default Applications]\nx-scheme-handler/https=chromium.desktop\n",
				"cfg/mimeapps.list":            "[Default Applications]\nx-scheme-handler/https=firefox-esr.desktop\n",
			},
			env:      homeEnv("XDG_CONFIG_HOME", "/nowhere", "XDG_CONFIG_DIRS", "/cfg"),
			wantID:   "firefox-esr.desktop",
			wantFrom: "/cfg/mimeapps.list",
		},
		{
			name:  "given no mimeapps.list at all, then there is no default",
			files: map[string]string{},
			env:   homeEnv(),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := debianBrowsers(t)
			maps.Copy(files, tt.files)
			root := writeTree(t, files)
			inv, err := LinuxSource{FS: os.DirFS(root), Env: tt.env}.Scan(context.Background())
			if err != nil {
				t.Fatalf("Scan: %v", err)
			}
			if tt.wantID == "" {
				if inv.Default != nil {
					t.Errorf("default = %+v, want none", *inv.Default)
				}
				return
			}
			if inv.Default == nil {
				t.Fatalf("no default, want %s (errors: %v)", tt.wantID, inv.Errors)
			}
			if inv.Default.ID != tt.wantID || inv.DefaultFrom != tt.wantFrom {
				t.Errorf("default = %s from %s, want %s from %s", inv.Default.ID, inv.DefaultFrom, tt.wantID, tt.wantFrom)
			}
		})
	}
}

func TestLinuxDefaultFromXDGSettings(t *testing.T) {
	root := writeTree(t, debianBrowsers(t))
	var asked []string
	answer := func(out string, err error) Runner {
		return func(_ context.Context, env []string, name string, args ...string) ([]byte, error) {
			asked = append([]string{name}, args...)
			if !slices.Contains(env, "HOME=/home/u") {
				t.Errorf("xdg-settings ran with env %v, want the scanned session's", env)
			}
			return []byte(out), err
		}
	}
	tests := []struct {
		name      string
		run       Runner
		wantID    string
		supported bool
	}{
		{"given xdg-settings names an installed entry, then that entry is the default", answer("chromium.desktop\n", nil), "chromium.desktop", true},
		{"given xdg-settings names an entry not read, then it is still recognised", answer("google-chrome.desktop\n", nil), "google-chrome.desktop", true},
		{"given xdg-settings is not installed, then there is no default", answer("", exec.ErrNotFound), "", false},
		{"given xdg-settings fails, then there is no default", answer("", errors.New("exit status 1")), "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := LinuxSource{FS: os.DirFS(root), Env: homeEnv(), Run: tt.run}.Scan(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if len(asked) != 3 || asked[0] != "xdg-settings" || asked[1] != "get" || asked[2] != "default-web-browser" {
				t.Errorf("ran %q, want xdg-settings get default-web-browser", asked)
			}
			switch {
			case tt.wantID == "" && inv.Default != nil:
				t.Errorf("default = %+v, want none", *inv.Default)
			case tt.wantID != "" && (inv.Default == nil || inv.Default.ID != tt.wantID || inv.Default.Supported != tt.supported):
				t.Errorf("default = %+v, want %s (supported %v)", inv.Default, tt.wantID, tt.supported)
			case tt.wantID != "" && inv.DefaultFrom != "xdg-settings get default-web-browser":
				t.Errorf("default from %q", inv.DefaultFrom)
			}
		})
	}
}
