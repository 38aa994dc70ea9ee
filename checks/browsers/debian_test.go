package browsers

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// TestDebianBrowsers reads the real system's desktop entries, with Debian's firefox-esr and
// chromium packages installed, and switches the default with the real xdg-settings in a
// temporary home, as a person would.
func TestDebianBrowsers(t *testing.T) {
	peer.Program(t, "firefox-esr")
	peer.Program(t, "chromium")
	xdgSettings := peer.Program(t, "xdg-settings")

	home := t.TempDir()
	bin := filepath.Join(home, "bin")
	env := map[string]string{"HOME": home, "PATH": bin + ":/usr/bin:/bin", "XDG_CONFIG_HOME": filepath.Join(home, ".config")}
	// GNOME Web, unsupported, installed for this user only: its desktop entry and, as
	// xdg-settings wants the program to exist, a stand-in for it (its package is heavy).
	userApps := filepath.Join(home, ".local", "share", "applications")
	for dir, file := range map[string]string{
		userApps: "org.gnome.Epiphany.desktop",
		bin:      "epiphany",
	} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		content := "#!/bin/sh\nexit 0\n"
		if filepath.Ext(file) == ".desktop" {
			content = desktopFile(t, file)
		}
		if err := os.WriteFile(filepath.Join(dir, file), []byte(content), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	check := New(Options{Source: LinuxSource{Env: env, Run: RunCommand}})
	run := func(t *testing.T) (checks.Result, []Browser, *Browser) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), check.Spec().Timeout)
		defer cancel()
		res := check.Run(ctx, nil)
		installed, def := FromResult(res)
		return res, installed, def
	}
	setDefault := func(t *testing.T, id string) {
		t.Helper()
		cmd := exec.Command(xdgSettings, "set", "default-web-browser", id)
		cmd.Env = (xdgEnv{env: env}).list()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("xdg-settings set default-web-browser %s: %v\n%s", id, err, out)
		}
	}

	t.Run("given nothing chosen, then both browsers are found and xdg-settings' pick is the default", func(t *testing.T) {
		res, installed, def := run(t)
		got := byID(installed)
		for _, id := range []string{"firefox-esr.desktop", "chromium.desktop"} {
			if b, ok := got[id]; !ok || !b.Supported || b.Path == "" {
				t.Errorf("%s = %+v (found %v), want it installed and supported", id, b, ok)
			}
		}
		if ff := got["firefox-esr.desktop"]; ff.Version == "" {
			t.Errorf("firefox-esr has no version, though its application.ini is installed")
		}
		if b, ok := got["org.gnome.Epiphany.desktop"]; !ok || b.Supported {
			t.Errorf("GNOME Web = %+v (found %v), want it installed and unsupported", b, ok)
		}
		if def == nil || res.Details["default_from"] != "xdg-settings get default-web-browser" {
			t.Fatalf("default = %+v from %v, want xdg-settings' answer", def, res.Details["default_from"])
		}
		if !slices.Contains([]string{"firefox-esr.desktop", "chromium.desktop", "org.gnome.Epiphany.desktop"}, def.ID) {
			t.Errorf("default %s is not one of the installed browsers", def.ID)
		}
	})

	tests := []struct {
		id         string
		status     checks.Status
		suggestion string
	}{
		{"firefox-esr.desktop", checks.OK, ""},
		{"chromium.desktop", checks.OK, ""},
		{"org.gnome.Epiphany.desktop", checks.Warn, "Firefox ESR"},
	}
	for _, tt := range tests {
		t.Run("when xdg-settings sets "+tt.id+", then the check reports it", func(t *testing.T) {
			setDefault(t, tt.id)
			res, _, def := run(t)
			if def == nil || def.ID != tt.id || res.Details["default_from"] != filepath.Join(home, ".config", "mimeapps.list") {
				t.Fatalf("default = %+v from %v, want %s from the user's mimeapps.list", def, res.Details["default_from"], tt.id)
			}
			if res.Status != tt.status {
				t.Errorf("status = %s (%s), want %s", res.Status, res.Summary, tt.status)
			}
			if tt.suggestion != "" && (len(res.Findings) != 1 || res.Findings[0].ID != checks.FindingDefaultUnsupported ||
				res.Findings[0].Params["suggestion"] != tt.suggestion || res.Findings[0].Params["default"] != "Web") {
				t.Errorf("findings = %+v, want default-browser-unsupported for Web suggesting %s", res.Findings, tt.suggestion)
			}
		})
	}
}
