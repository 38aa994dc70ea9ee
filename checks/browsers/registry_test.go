package browsers

import (
	"bufio"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

func TestRegistrySource(t *testing.T) {
	type want struct {
		name, path, version string
		family              Family
		supported           bool
	}
	tests := []struct {
		file        string
		installed   map[string]want // by id
		defaultID   string
		defaultFrom string
		// defaultName and defaultPath, when set: the default browser's name and program.
		defaultName, defaultPath string
		status                   checks.Status
		params                   map[string]string
	}{
		{
			file: "win11-chrome.reg",
			installed: map[string]want{
				"Google Chrome":            {"Google Chrome", `C:\Program Files\Google\Chrome\Application\chrome.exe`, "131.0.6778.140", Chrome, true},
				"Microsoft Edge":           {"Microsoft Edge", `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`, "131.0.2903.86", Edge, true},
				"Firefox-308046B0AF4A39CB": {"Mozilla Firefox", `C:\Program Files\Mozilla Firefox\firefox.exe`, "133.0", Firefox, true},
				"IEXPLORE.EXE":             {"Internet Explorer", `C:\Program Files\Internet Explorer\iexplore.exe`, "", InternetExplorer, false},
			},
			defaultID:   "Google Chrome",
			defaultFrom: `HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoiceLatest`,
			status:      checks.OK,
		},
		{
			file: "win10-per-user.reg",
			installed: map[string]want{
				"Google Chrome.PHVAMJ3WGMPHSR5JWIXYY3RS4E": {"Google Chrome", `C:\Users\taro\AppData\Local\Google\Chrome\Application\chrome.exe`, "", Chrome, true},
				"Brave":                              {"Brave", `C:\Users\taro\AppData\Local\BraveSoftware\Brave-Browser\Application\brave.exe`, "131.1.73.104", Brave, true},
				"OperaStable":                        {"Opera Stable", `C:\Users\taro\AppData\Local\Programs\Opera\launcher.exe`, "115.0.5322.68", Opera, true},
				"Vivaldi.JOUBHPWY5OSGUGR3XVSKGP4BN4": {"Vivaldi", `C:\Users\taro\AppData\Local\Vivaldi\Application\vivaldi.exe`, "7.0.3495.26", Vivaldi, true},
				"Microsoft Edge":                     {"Microsoft Edge", `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`, "", Edge, true},
			},
			defaultID:   "Vivaldi.JOUBHPWY5OSGUGR3XVSKGP4BN4",
			defaultFrom: `HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice`,
			status:      checks.OK,
		},
		{
			file: "win10-legacy-edge.reg",
			installed: map[string]want{
				"IEXPLORE.EXE":  {"Internet Explorer", `C:\Program Files\Internet Explorer\iexplore.exe`, "", InternetExplorer, false},
				"Google Chrome": {"Google Chrome", `C:\Program Files (x86)\Google\Chrome\Application\chrome.exe`, "", Chrome, true},
			},
			defaultID: "AppX90nv6nhay5n6a98fnetv7tpk64pp35es",
			status:    checks.Warn,
			params:    map[string]string{"default": "Microsoft Edge Legacy", "suggestion": "Google Chrome"},
		},
		{
			file: "wine8-fresh-prefix.reg",
			installed: map[string]want{
				"iexplore.exe": {"Internet Explorer", `C:\Program Files\Internet Explorer\iexplore.exe`, "", InternetExplorer, false},
			},
			defaultID:   "https",
			defaultName: "winebrowser",
			defaultPath: `C:\windows\system32\winebrowser.exe`,
			status:      checks.Fail,
			params:      map[string]string{"installed": "Internet Explorer, winebrowser"},
		},
		{
			file: "win-app-paths-only.reg",
			installed: map[string]want{
				"firefox.exe": {"Firefox", `D:\PortableApps\Firefox\firefox.exe`, "", Firefox, true},
			},
			defaultID: "WaterfoxURL-6F193CCC56814779",
			status:    checks.Warn,
			params:    map[string]string{"default": "Waterfox", "suggestion": "Firefox"},
		},
	}
	for _, tt := range tests {
		t.Run("given "+tt.file, func(t *testing.T) {
			src := registrySource{reg: loadReg(t, tt.file)}
			inv, err := src.Scan(context.Background())
			if err != nil {
				t.Fatalf("Scan: %v", err)
			}
			got := byID(inv.Installed)
			if len(got) != len(tt.installed) || len(inv.Installed) != len(tt.installed) {
				t.Errorf("installed %q, want %d browsers", ids(inv.Installed), len(tt.installed))
			}
			for id, w := range tt.installed {
				b := got[id]
				if (want{b.Name, b.Path, b.Version, b.Family, b.Supported}) != w {
					t.Errorf("%s = %+v,\nwant %+v", id, want{b.Name, b.Path, b.Version, b.Family, b.Supported}, w)
				}
			}
			if inv.Default == nil || inv.Default.ID != tt.defaultID {
				t.Fatalf("default = %+v, want %s", inv.Default, tt.defaultID)
			}
			if tt.defaultName != "" && (inv.Default.Name != tt.defaultName || inv.Default.Path != tt.defaultPath) {
				t.Errorf("default %q at %q, want %q at %q", inv.Default.Name, inv.Default.Path, tt.defaultName, tt.defaultPath)
			}
			if tt.defaultFrom != "" && inv.DefaultFrom != tt.defaultFrom {
				t.Errorf("default from %q, want %q", inv.DefaultFrom, tt.defaultFrom)
			}
			assertVerdict(t, inv, tt.status, tt.params)
		})
	}
}

func TestRegistrySourceEmpty(t *testing.T) {
	empty, err := parseReg(bufio.NewScanner(strings.NewReader("Windows Registry Editor Version 5.00\n")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (registrySource{reg: empty}).Scan(context.Background()); err == nil {
		t.Error("a registry with no browser keys at all scanned fine; want an error so the check says unknown")
	}
}

func TestWindowsOpenUsesRegisteredProgram(t *testing.T) {
	inv, err := registrySource{reg: loadReg(t, "win11-chrome.reg")}.Scan(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	l := Launcher{Start: func(argv []string, _ string) error { got = argv; return nil }}
	if err := l.Open(context.Background(), byID(inv.Installed)["Firefox-308046B0AF4A39CB"], signInURL); err != nil {
		t.Fatal(err)
	}
	if want := []string{`C:\Program Files\Mozilla Firefox\firefox.exe`, signInURL}; !slices.Equal(got, want) {
		t.Errorf("started %q, want %q", got, want)
	}
}

func TestCommandProgram(t *testing.T) {
	tests := map[string]string{
		`"C:\Program Files\Google\Chrome\Application\chrome.exe" --single-argument %1`: `C:\Program Files\Google\Chrome\Application\chrome.exe`,
		`C:\Program Files\Internet Explorer\iexplore.exe %1`:                           `C:\Program Files\Internet Explorer\iexplore.exe`,
		`C:\Users\taro\AppData\Local\Programs\Opera\launcher.exe`:                      `C:\Users\taro\AppData\Local\Programs\Opera\launcher.exe`,
		`browser -url %1`: "browser",
		``:                "",
	}
	for cmd, want := range tests {
		if got := commandProgram(cmd); got != want {
			t.Errorf("commandProgram(%q) = %q, want %q", cmd, got, want)
		}
	}
}
