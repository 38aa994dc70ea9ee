package browsers

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// fixed is a Source that returns what it is given.
type fixed struct {
	inv Inventory
	err error
}

func (f fixed) Scan(context.Context) (Inventory, error) { return f.inv, f.err }

// blocked is a Source that never answers before its context ends.
type blocked struct{}

func (blocked) Scan(ctx context.Context) (Inventory, error) {
	<-ctx.Done()
	return Inventory{}, ctx.Err()
}

var (
	chromeWin  = Browser{Name: "Google Chrome", ID: "Google Chrome", Family: Chrome, Supported: true}
	firefoxESR = Browser{Name: "Firefox ESR", ID: "firefox-esr.desktop", Family: Firefox, Supported: true}
	chromium   = Browser{Name: "Chromium Web Browser", ID: "chromium.desktop", Family: Chromium, Supported: true}
	konqueror  = Browser{Name: "Konqueror", ID: "kfmclient_html.desktop", Family: Konqueror}
	epiphany   = Browser{Name: "Web", ID: "org.gnome.Epiphany.desktop", Family: Epiphany}
	ie         = Browser{Name: "Internet Explorer", ID: "IEXPLORE.EXE", Family: InternetExplorer}
)

func TestVerdict(t *testing.T) {
	tests := []struct {
		name        string
		source      Source
		wantStatus  checks.Status
		wantFinding string
		wantParams  map[string]string
	}{
		{
			name:       "given a supported default, then ok",
			source:     fixed{inv: Inventory{Installed: []Browser{firefoxESR, chromium}, Default: &chromium}},
			wantStatus: checks.OK,
		},
		{
			name:        "given only unsupported browsers, then fail naming them",
			source:      fixed{inv: Inventory{Installed: []Browser{konqueror, epiphany}, Default: &konqueror}},
			wantStatus:  checks.Fail,
			wantFinding: checks.FindingNoSupportedBrowser,
			wantParams:  map[string]string{"installed": "Konqueror, Web"},
		},
		{
			name:        "given only a hidden unsupported handler as the default, then fail naming it",
			source:      fixed{inv: Inventory{Default: &konqueror}},
			wantStatus:  checks.Fail,
			wantFinding: checks.FindingNoSupportedBrowser,
			wantParams:  map[string]string{"installed": "Konqueror"},
		},
		{
			name:        "given no browser at all, then fail with an empty list",
			source:      fixed{inv: Inventory{}},
			wantStatus:  checks.Fail,
			wantFinding: checks.FindingNoSupportedBrowser,
			wantParams:  map[string]string{"installed": ""},
		},
		{
			name:        "given an unsupported default and Chrome installed, then warn suggesting Chrome over Chromium",
			source:      fixed{inv: Inventory{Installed: []Browser{ie, chromium, chromeWin}, Default: &ie}},
			wantStatus:  checks.Warn,
			wantFinding: checks.FindingDefaultUnsupported,
			wantParams:  map[string]string{"default": "Internet Explorer", "suggestion": "Google Chrome"},
		},
		{
			name:       "given supported browsers and no known default, then unknown",
			source:     fixed{inv: Inventory{Installed: []Browser{firefoxESR}}},
			wantStatus: checks.Unknown,
		},
		{
			name:       "given a source that cannot read anything, then unknown with the error",
			source:     fixed{err: errors.New("none of the XDG data directories is readable")},
			wantStatus: checks.Unknown,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := New(Options{Source: tt.source}).Run(context.Background(), nil)
			if res.Status != tt.wantStatus {
				t.Fatalf("status = %s (%s), want %s", res.Status, res.Summary, tt.wantStatus)
			}
			if res.Summary == "" || strings.Contains(res.Summary, "\n") {
				t.Errorf("summary %q is not one line", res.Summary)
			}
			if tt.wantFinding == "" {
				if len(res.Findings) != 0 {
					t.Errorf("findings = %+v, want none", res.Findings)
				}
				return
			}
			if len(res.Findings) != 1 || res.Findings[0].ID != tt.wantFinding || res.Findings[0].Severity != tt.wantStatus {
				t.Fatalf("findings = %+v, want one %s of severity %s", res.Findings, tt.wantFinding, tt.wantStatus)
			}
			for k, v := range tt.wantParams {
				if got := res.Findings[0].Params[k]; got != v {
					t.Errorf("param %s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func TestDetailsJSON(t *testing.T) {
	res := New(Options{Source: fixed{inv: Inventory{Installed: []Browser{chromium, konqueror}, Default: &konqueror, DefaultFrom: "/home/u/.config/mimeapps.list"}}}).Run(context.Background(), nil)
	data, err := json.Marshal(res.Details)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Installed []map[string]any `json:"installed"`
		Default   map[string]any   `json:"default"`
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Installed) != 2 || got.Installed[0]["name"] != "Chromium Web Browser" || got.Installed[0]["supported"] != true {
		t.Errorf("installed = %v, want Chromium first, supported", got.Installed)
	}
	for _, key := range []string{"name", "id", "path", "version", "supported"} {
		if _, ok := got.Installed[0][key]; !ok {
			t.Errorf("installed entry lacks %q: %s", key, data)
		}
	}
	if got.Default["id"] != "kfmclient_html.desktop" || got.Default["supported"] != false {
		t.Errorf("default = %v", got.Default)
	}

	none := New(Options{Source: fixed{inv: Inventory{Installed: []Browser{chromium}}}}).Run(context.Background(), nil)
	data, _ = json.Marshal(none.Details)
	if !strings.Contains(string(data), `"default":null`) {
		t.Errorf("unknown default marshals as %s, want null", data)
	}
}

func TestRunHonoursDeadline(t *testing.T) {
	c := New(Options{Source: blocked{}, Timeout: 50 * time.Millisecond})
	if c.Spec().ID != checks.Browsers || len(c.Spec().Needs) != 0 || c.Spec().Timeout != 50*time.Millisecond {
		t.Fatalf("spec = %+v", c.Spec())
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.Spec().Timeout)
	defer cancel()
	res := c.Run(ctx, nil)
	if res.Status != checks.Unknown || res.Details["error"] == nil {
		t.Errorf("result = %+v, want unknown with the error", res)
	}
	if New(Options{}).Spec().Timeout != DefaultTimeout {
		t.Errorf("default timeout = %v", New(Options{}).Spec().Timeout)
	}
}

// TestBareEnvironment is a computer with no browser at all: empty XDG directories, a PATH
// with no browser on it, no xdg-settings. The check must fail with no-supported-browser.
func TestBareEnvironment(t *testing.T) {
	root := writeTree(t, map[string]string{
		"home/u/.local/share/": "", "home/u/.config/": "", "usr/share/": "", "etc/xdg/": "",
		"opt/bare/bin/sh": "#!/bin/sh\n",
	})
	// The PATH exists only in the tree, so the runner finds no xdg-settings either.
	env := map[string]string{"HOME": "/home/u", "PATH": "/opt/bare/bin", "XDG_DATA_DIRS": "/usr/share"}
	res := New(Options{Source: LinuxSource{FS: os.DirFS(root), Env: env, Run: RunCommand}}).Run(context.Background(), nil)
	if res.Status != checks.Fail {
		t.Fatalf("status = %s (%s), want fail", res.Status, res.Summary)
	}
	if len(res.Findings) != 1 || res.Findings[0].ID != checks.FindingNoSupportedBrowser || res.Findings[0].Params["installed"] != "" {
		t.Errorf("findings = %+v, want no-supported-browser with nothing installed", res.Findings)
	}
}
