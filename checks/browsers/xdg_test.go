package browsers

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

const firefoxApplicationIni = `; This file is not used. If you modify it and want the application to use
; your modifications, move it under the browser/ subdirectory and start with
; the "-app /path/to/browser/application.ini" argument.
[App]
Vendor=Mozilla
Name=Firefox
RemotingName=firefox-esr
Version=153.7.0
BuildID=20261103151912
`

func TestLinuxSourceInstalled(t *testing.T) {
	tests := []struct {
		name      string
		files     map[string]string
		env       map[string]string
		want      []string // installed ids, sorted
		supported []string // the supported ones among them
		check     func(t *testing.T, got map[string]Browser)
	}{
		{
			name: "given Debian's firefox-esr and chromium packages, then both are found and supported, vim is not a browser",
			files: map[string]string{
				"usr/share/applications/firefox-esr.desktop": desktopFile(t, "firefox-esr.desktop"),
				"usr/share/applications/chromium.desktop":    desktopFile(t, "chromium.desktop"),
				"usr/share/applications/vim.desktop":         desktopFile(t, "vim.desktop"),
				"usr/lib/firefox-esr/firefox-esr":            "#!/bin/sh\n",
				"usr/lib/firefox-esr/application.ini":        firefoxApplicationIni,
				"usr/bin/chromium":                           "#!/bin/sh\n",
			},
			env:       homeEnv(),
			want:      []string{"chromium.desktop", "firefox-esr.desktop"},
			supported: []string{"chromium.desktop", "firefox-esr.desktop"},
			check: func(t *testing.T, got map[string]Browser) {
				ff := got["firefox-esr.desktop"]
				if ff.Name != "Firefox ESR" || ff.Family != Firefox || ff.Path != "/usr/lib/firefox-esr/firefox-esr" || ff.Version != "153.7.0" {
					t.Errorf("firefox-esr = %+v, want Firefox ESR, family firefox, its path and version 153.7.0", ff)
				}
				if c := got["chromium.desktop"]; c.Name != "Chromium Web Browser" || c.Family != Chromium || c.Path != "/usr/bin/chromium" || c.Version != "" {
					t.Errorf("chromium = %+v, want Chromium Web Browser at /usr/bin/chromium without a version", c)
				}
			},
		},
		{
			name: "given a user entry with Hidden=true, then it deletes the system entry of the same id",
			files: map[string]string{
				"usr/share/applications/firefox-esr.desktop":           desktopFile(t, "firefox-esr.desktop"),
				"usr/share/applications/chromium.desktop":              desktopFile(t, "chromium.desktop"),
				"home/u/.local/share/applications/firefox-esr.desktop": "[Desktop Entry]\nType=Application\nName=Firefox ESR\nExec=firefox-esr %u\nHidden=true\n",
			},
			env:       homeEnv(),
			want:      []string{"chromium.desktop"},
			supported: []string{"chromium.desktop"},
		},
		{
			name: "given a user copy of an entry, then it shadows the system one",
			files: map[string]string{
				"usr/share/applications/chromium.desktop":           desktopFile(t, "chromium.desktop"),
				"home/u/.local/share/applications/chromium.desktop": "[Desktop Entry]\nType=Application\nName=Work Chromium\nExec=/usr/bin/chromium --profile-directory=Work %U\nMimeType=x-scheme-handler/https;\n",
			},
			env:       homeEnv(),
			want:      []string{"chromium.desktop"},
			supported: []string{"chromium.desktop"},
			check: func(t *testing.T, got map[string]Browser) {
				if n := got["chromium.desktop"].Name; n != "Work Chromium" {
					t.Errorf("name = %q, want the user's entry Work Chromium", n)
				}
			},
		},
		{
			name: "given KDE 4's konqueror in a subdirectory and GNOME Web, then their ids carry the directory and both are unsupported",
			files: map[string]string{
				"usr/share/applications/kde4/konqueror.desktop":     desktopFile(t, "konqueror.desktop"),
				"usr/share/applications/org.gnome.Epiphany.desktop": desktopFile(t, "org.gnome.Epiphany.desktop"),
				"usr/share/applications/org.kde.falkon.desktop":     desktopFile(t, "org.kde.falkon.desktop"),
			},
			env:  homeEnv(),
			want: []string{"kde4-konqueror.desktop", "org.gnome.Epiphany.desktop", "org.kde.falkon.desktop"},
			check: func(t *testing.T, got map[string]Browser) {
				if f := got["kde4-konqueror.desktop"].Family; f != Konqueror {
					t.Errorf("konqueror family = %q", f)
				}
				if f := got["org.gnome.Epiphany.desktop"].Family; f != Epiphany {
					t.Errorf("epiphany family = %q", f)
				}
			},
		},
		{
			name: "given Flatpak and Snap exports missing from XDG_DATA_DIRS, then they are still found",
			files: map[string]string{
				"var/lib/flatpak/exports/share/applications/org.mozilla.firefox.desktop":           desktopFile(t, "org.mozilla.firefox.desktop"),
				"home/u/.local/share/flatpak/exports/share/applications/com.brave.Browser.desktop": desktopFile(t, "com.brave.Browser.desktop"),
				"var/lib/snapd/desktop/applications/chromium_chromium.desktop":                     desktopFile(t, "chromium_chromium.desktop"),
				"snap/chromium/current/meta/snap.yaml":                                             "name: chromium\nversion: 131.0.6778.139\nsummary: Chromium web browser, open-source version of Chrome\n",
				"usr/share/":                                                                       "",
			},
			env:       homeEnv("XDG_DATA_DIRS", "/usr/share"),
			want:      []string{"chromium_chromium.desktop", "com.brave.Browser.desktop", "org.mozilla.firefox.desktop"},
			supported: []string{"chromium_chromium.desktop", "com.brave.Browser.desktop", "org.mozilla.firefox.desktop"},
			check: func(t *testing.T, got map[string]Browser) {
				if c := got["chromium_chromium.desktop"]; c.Path != "/snap/bin/chromium" || c.Version != "131.0.6778.139" {
					t.Errorf("snap chromium = %+v, want /snap/bin/chromium past the env wrapper, version from snap.yaml", c)
				}
				if f := got["com.brave.Browser.desktop"].Family; f != Brave {
					t.Errorf("brave family = %q", f)
				}
			},
		},
		{
			name: "given an entry whose TryExec is missing and a NoDisplay handler, then neither is offered",
			files: map[string]string{
				"usr/share/applications/google-chrome.desktop":  "[Desktop Entry]\nType=Application\nName=Google Chrome\nTryExec=google-chrome-stable\nExec=/usr/bin/google-chrome-stable %U\nMimeType=x-scheme-handler/https;\n",
				"usr/share/applications/kfmclient_html.desktop": desktopFile(t, "kfmclient_html.desktop"),
				"usr/share/applications/chromium.desktop":       desktopFile(t, "chromium.desktop"),
			},
			env:       homeEnv(),
			want:      []string{"chromium.desktop"},
			supported: []string{"chromium.desktop"},
		},
		{
			name: "given Chrome on PATH with no desktop entry, then it is found by its launcher",
			files: map[string]string{
				"opt/bin/google-chrome": "#!/bin/sh\n",
				"opt/bin/firefox":       "not executable",
				"usr/share/":            "",
			},
			env:       homeEnv("PATH", "/opt/bin:relative/bin"),
			want:      []string{"google-chrome"},
			supported: []string{"google-chrome"},
			check: func(t *testing.T, got map[string]Browser) {
				if b := got["google-chrome"]; b.Name != "Google Chrome" || b.Path != "/opt/bin/google-chrome" {
					t.Errorf("chrome = %+v", b)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeTree(t, tt.files)
			inv, err := LinuxSource{FS: os.DirFS(root), Env: tt.env}.Scan(context.Background())
			if err != nil {
				t.Fatalf("Scan: %v", err)
			}
			got := ids(inv.Installed)
			slices.Sort(got)
			if !slices.Equal(got, tt.want) {
				t.Errorf("installed = %v, want %v (errors: %v)", got, tt.want, inv.Errors)
			}
			var supported []string
			for _, b := range inv.Installed {
				if b.Supported {
					supported = append(supported, b.ID)
				}
			}
			slices.Sort(supported)
			if !slices.Equal(supported, tt.supported) {
				t.Errorf("supported = %v, want %v", supported, tt.supported)
			}
			if tt.check != nil {
				tt.check(t, byID(inv.Installed))
			}
		})
	}
}

func TestLinuxSourceNothingReadable(t *testing.T) {
	root := t.TempDir() // no /usr/share, no home: nothing to read at all
	_, err := LinuxSource{FS: os.DirFS(root), Env: homeEnv()}.Scan(context.Background())
	if err == nil {
		t.Fatal("Scan of a tree without any data directory succeeded; want an error, so the check says unknown")
	}
}

func TestPathLauncherVersionThroughLink(t *testing.T) {
	// Debian's /usr/bin/firefox-esr is a relative link into /usr/lib/firefox-esr, where the
	// version file is.
	root := writeTree(t, map[string]string{
		"usr/lib/firefox-esr/firefox-esr":     "#!/bin/sh\n",
		"usr/lib/firefox-esr/application.ini": firefoxApplicationIni,
		"usr/share/":                          "",
	})
	if err := os.MkdirAll(filepath.Join(root, "usr/bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../lib/firefox-esr/firefox-esr", filepath.Join(root, "usr/bin/firefox-esr")); err != nil {
		t.Fatal(err)
	}
	inv, err := LinuxSource{FS: os.DirFS(root), Env: homeEnv()}.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, ok := byID(inv.Installed)["firefox-esr"]
	if !ok || b.Path != "/usr/bin/firefox-esr" || b.Version != "153.7.0" || !b.Supported {
		t.Errorf("firefox-esr on PATH = %+v (found %v), want it at /usr/bin with version 153.7.0", b, ok)
	}
}
