package browsers

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

const signInURL = "https://accounts.zoho.com/signin?servicename=ZohoHome&serviceurl=https%3A%2F%2Fhome.zoho.com"

// entryBrowser reads a desktop entry the way the scan does and returns its browser.
func entryBrowser(t *testing.T, id, content string) Browser {
	t.Helper()
	root := writeTree(t, map[string]string{"usr/share/applications/" + id: content})
	inv, err := LinuxSource{FS: os.DirFS(root), Env: homeEnv()}.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, ok := byID(inv.Installed)[id]
	if !ok {
		t.Fatalf("%s not found among %v (errors %v)", id, ids(inv.Installed), inv.Errors)
	}
	return b
}

func TestOpenCommandLine(t *testing.T) {
	tests := []struct {
		name    string
		browser func(t *testing.T) Browser
		want    []string
		wantDir string
	}{
		{"given Debian's firefox-esr (%u), then the URL replaces the code",
			func(t *testing.T) Browser {
				return entryBrowser(t, "firefox-esr.desktop", desktopFile(t, "firefox-esr.desktop"))
			},
			[]string{"/usr/lib/firefox-esr/firefox-esr", signInURL}, ""},
		{"given Debian's chromium (%U), then the URL is one argument",
			func(t *testing.T) Browser {
				return entryBrowser(t, "chromium.desktop", desktopFile(t, "chromium.desktop"))
			},
			[]string{"/usr/bin/chromium", signInURL}, ""},
		{"given a Flatpak export, then flatpak's file-forwarding markers stay around the URL",
			func(t *testing.T) Browser {
				return entryBrowser(t, "org.mozilla.firefox.desktop", desktopFile(t, "org.mozilla.firefox.desktop"))
			},
			[]string{"/usr/bin/flatpak", "run", "--branch=stable", "--arch=x86_64", "--command=firefox", "--file-forwarding", "org.mozilla.firefox", "@@u", signInURL, "@@"}, ""},
		{"given a Snap entry, then the env wrapper is kept",
			func(t *testing.T) Browser {
				return entryBrowser(t, "chromium_chromium.desktop", desktopFile(t, "chromium_chromium.desktop"))
			},
			[]string{"env", "BAMF_DESKTOP_FILE_HINT=/var/lib/snapd/desktop/applications/chromium_chromium.desktop", "/snap/bin/chromium", signInURL}, ""},
		{"given an Exec with no URL code, then the URL is appended",
			func(t *testing.T) Browser {
				return entryBrowser(t, "vivaldi-stable.desktop", "[Desktop Entry]\nType=Application\nName=Vivaldi\nExec=/usr/bin/vivaldi-stable\nMimeType=x-scheme-handler/https;\n")
			},
			[]string{"/usr/bin/vivaldi-stable", signInURL}, ""},
		{"given quoting, %i, %c, %k, %% and a deprecated code, then each is expanded by the spec",
			func(t *testing.T) Browser {
				return entryBrowser(t, "brave-browser.desktop", "[Desktop Entry]\nType=Application\nName=Brave\nIcon=brave-desktop\nPath=/opt/brave.com\n"+
					`Exec="/opt/brave.com/brave browser/brave" --class=%c --zoom=50%% %i --from=%k %d "--title=\"a b\"" %U`+"\nMimeType=x-scheme-handler/https;\n")
			},
			[]string{"/opt/brave.com/brave browser/brave", "--class=Brave", "--zoom=50%", "--icon", "brave-desktop",
				"--from=/usr/share/applications/brave-browser.desktop", `--title="a b"`, signInURL}, "/opt/brave.com"},
		{"given a Windows browser, then its program gets the URL",
			func(*testing.T) Browser {
				return Browser{Name: "Google Chrome", Supported: true, launch: launch{argv: []string{`C:\Program Files\Google\Chrome\Application\chrome.exe`}}}
			},
			[]string{`C:\Program Files\Google\Chrome\Application\chrome.exe`, signInURL}, ""},
		{"given a macOS bundle, then open -b starts it by bundle id",
			func(*testing.T) Browser {
				return Browser{Name: "Firefox", Supported: true, launch: launch{argv: []string{"/usr/bin/open", "-b", "org.mozilla.firefox"}}}
			},
			[]string{"/usr/bin/open", "-b", "org.mozilla.firefox", signInURL}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			var dir string
			l := Launcher{Start: func(argv []string, d string) error { got, dir = argv, d; return nil }}
			if err := l.Open(context.Background(), tt.browser(t), signInURL); err != nil {
				t.Fatalf("Open: %v", err)
			}
			if !slices.Equal(got, tt.want) || dir != tt.wantDir {
				t.Errorf("started %q in %q,\nwant    %q in %q", got, dir, tt.want, tt.wantDir)
			}
		})
	}
}

func TestOpenRefuses(t *testing.T) {
	chrome := Browser{Name: "Google Chrome", Supported: true, launch: launch{argv: []string{"/usr/bin/google-chrome"}}}
	lynx := Browser{Name: "Lynx", launch: launch{argv: []string{"/usr/bin/lynx"}}}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		browser Browser
		url     string
		wantErr error
	}{
		{"given an unsupported browser, then it is not started", context.Background(), lynx, signInURL, ErrUnsupported},
		{"given a file URL, then nothing starts", context.Background(), chrome, "file:///etc/passwd", nil},
		{"given a flag in place of a URL, then nothing starts", context.Background(), chrome, "--remote-debugging-port=9222", nil},
		{"given a javascript URL, then nothing starts", context.Background(), chrome, "javascript:alert(1)", nil},
		{"given a URL with no host, then nothing starts", context.Background(), chrome, "https:///signin", nil},
		{"given a URL with a space, then nothing starts", context.Background(), chrome, "https://accounts.zoho.com/a b", nil},
		{"given a browser with no command, then nothing starts", context.Background(), Browser{Name: "Safari", Supported: true}, signInURL, nil},
		{"given a cancelled context, then nothing starts", cancelled, chrome, signInURL, context.Canceled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			started := false
			l := Launcher{Start: func([]string, string) error { started = true; return nil }}
			err := l.Open(tt.ctx, tt.browser, tt.url)
			if err == nil || started {
				t.Fatalf("Open = %v, started %v; want an error and nothing started", err, started)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v, want %v", err, tt.wantErr)
			}
		})
	}
}

// TestOpenStartsRegisteredBrowser registers a tiny script as a browser in a temporary XDG
// tree, finds it with the real scan and opens a URL with the real starter: the script
// writes the arguments it was given.
func TestOpenStartsRegisteredBrowser(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "argv.txt")
	script := filepath.Join(dir, "bin", "firefox")
	files := map[string]string{
		"bin/firefox": "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + out + ".tmp && mv " + out + ".tmp " + out + "\n",
		"share/applications/firefox.desktop": "[Desktop Entry]\nType=Application\nName=Firefox\nExec=" + script +
			" --new-tab %u\nMimeType=text/html;x-scheme-handler/http;x-scheme-handler/https;\n",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	env := map[string]string{"HOME": dir, "XDG_DATA_HOME": filepath.Join(dir, "share"),
		"XDG_DATA_DIRS": filepath.Join(dir, "none"), "PATH": filepath.Join(dir, "bin")}
	inv, err := LinuxSource{Env: env}.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, ok := byID(inv.Installed)["firefox.desktop"]
	if !ok || !b.Supported {
		t.Fatalf("the registered browser was not found as supported: %+v", inv.Installed)
	}
	if err := Open(context.Background(), b, signInURL); err != nil {
		t.Fatalf("Open: %v", err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, err := os.ReadFile(out)
		if err == nil {
			if got := strings.Split(strings.TrimSpace(string(data)), "\n"); !slices.Equal(got, []string{"--new-tab", signInURL}) {
				t.Errorf("the browser got %q, want --new-tab and the URL", got)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("the browser script did not run within 10 s")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
