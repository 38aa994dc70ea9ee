package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/config"
)

// IT tests a file before it ships: validate says valid or names file, line and key, and never
// runs a check.
func TestConfigValidate(t *testing.T) {
	good := writeFile(t, "signin-doctor.toml", "[helpdesk]\nemail = \"it@example.co.jp\"\n[clock]\nwarn_seconds = 5\n")
	bad := writeFile(t, "signin-doctor.toml", "[clock]\n\nwarn_seconds = \"five\"\n")
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   string // what standard output must hold
		stderr   string // and standard error
		noStdout bool
	}{
		{"given a valid file then exit 0 and valid", []string{"config", "validate", good}, exitClean, good + ": valid (2 of", "", false},
		{"given a bad file then exit 2 naming file, line and key", []string{"config", "validate", bad}, exitUsage, "", bad + ":3: clock.warn_seconds", true},
		{"given a missing file then exit 2 naming it", []string{"config", "validate", bad + ".gone"}, exitUsage, "", bad + ".gone", true},
		{"given no file then exit 2", []string{"config", "validate"}, exitUsage, "", "give one FILE", true},
		{"given no subcommand then exit 2", []string{"config"}, exitUsage, "", "show or validate", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) || (tt.noStdout && stdout != "") {
				t.Errorf("exit %d, stdout %q, stderr %q; want %d, %q, %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// config show names, for every key, the value in effect and the line that set it.
func TestConfigShow(t *testing.T) {
	path := writeFile(t, "signin-doctor.toml", "language = \"en\"\n[network]\nallowed_networks = [\"203.0.113.0/24\"]\n")
	code, stdout, stderr := runCLI(t, "config", "show", "--json", "--config", path)
	if code != exitClean {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var doc struct {
		SchemaVersion int    `json:"schema_version"`
		File          string `json:"file"`
		Settings      []struct {
			Key   string `json:"key"`
			Value any    `json:"value"`
			From  string `json:"from"`
		} `json:"settings"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || doc.SchemaVersion != 1 || doc.File != path {
		t.Fatalf("not the configuration of %s (%v):\n%s", path, err, stdout)
	}
	from := map[string]string{}
	for _, s := range doc.Settings {
		from[s.Key] = s.From
	}
	for key, want := range map[string]string{"language": path + ":1", "network.allowed_networks": path + ":3", "clock.ntp_servers": "default"} {
		if from[key] != want {
			t.Errorf("%s from %q, want %q", key, from[key], want)
		}
	}

	code, stdout, _ = runCLI(t, "config", "show", "--config", path)
	if code != exitClean || !strings.Contains(stdout, "configuration: "+path) || !strings.Contains(stdout, `["203.0.113.0/24"]`) {
		t.Errorf("the text form: exit %d\n%s", code, stdout)
	}
}

// The data centre moves the sign-in and mail hosts the checks try, from the file or from
// --region; an unknown one is bad usage naming the ones there are.
func TestRegion(t *testing.T) {
	jp := writeFile(t, "signin-doctor.toml", "[service]\nregion = \"jp\"\n")
	empty := writeFile(t, "signin-doctor.toml", "")
	tests := []struct {
		name     string
		args     []string
		region   string
		endpoint string // the first of network.endpoints
		from     string // where service.region comes from
	}{
		{"given no region then zoho.com", []string{"--config", empty}, "", "https://accounts.zoho.com", "default"},
		{"given zoho.jp in the file then its hosts", []string{"--config", jp}, "jp", "https://accounts.zoho.jp", jp + ":2"},
		{"given --region eu over the file then zoho.eu", []string{"--config", jp, "--region", "eu"}, "eu", "https://accounts.zoho.eu", "--region"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, append([]string{"config", "show", "--json"}, tt.args...)...)
			if code != exitClean {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var doc struct {
				Settings []struct {
					Key   string `json:"key"`
					Value any    `json:"value"`
					From  string `json:"from"`
				} `json:"settings"`
			}
			if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
				t.Fatal(err)
			}
			for _, s := range doc.Settings {
				switch s.Key {
				case "service.region":
					if s.Value != tt.region || s.From != tt.from {
						t.Errorf("service.region = %v from %q, want %q from %q", s.Value, s.From, tt.region, tt.from)
					}
				case "network.endpoints":
					if eps, _ := s.Value.([]any); len(eps) == 0 || eps[0] != tt.endpoint {
						t.Errorf("network.endpoints = %v, want %s first", s.Value, tt.endpoint)
					}
				}
			}
		})
	}
	// Every data centre moves all three hosts to its own domain.
	for _, r := range config.Regions() {
		code, stdout, stderr := runCLI(t, "config", "show", "--json", "--config", empty, "--region", r.ID)
		want := `"https://accounts.` + r.Domain + `",
        "imaps://imap.` + r.Domain + `:993",
        "smtps://smtp.` + r.Domain + `:465"`
		if code != exitClean || !strings.Contains(stdout, want) {
			t.Errorf("--region %s: exit %d (%s), the endpoints are not %s's:\n%s", r.ID, code, stderr, r.Domain, stdout)
		}
	}
	for _, args := range [][]string{{"check", "--region", "uk"}, {"config", "show", "--region", "uk"}} {
		if code, _, stderr := runCLI(t, args...); code != exitUsage || !strings.Contains(stderr, "jp (zoho.jp)") {
			t.Errorf("%v: exit %d, stderr %q; want 2 naming the data centres", args, code, stderr)
		}
	}
}
