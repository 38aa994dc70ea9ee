package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the command with args and returns its exit code and output.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, streams{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestUsageErrorsExit2(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"unknown subcommand", []string{"diagnose"}, `unknown command "diagnose"`},
		{"unknown flag", []string{"check", "--verbose"}, "flag provided but not defined: -verbose"},
		{"unknown symptom", []string{"check", "--symptom", "otp-wrong"}, `unknown symptom "otp-wrong"`},
		{"unknown check in --only", []string{"check", "--only", "clock,ntp"}, `unknown check "ntp" in --only`},
		{"a stray argument", []string{"check", "clock"}, `unexpected argument "clock"`},
		{"a flag without its value", []string{"check", "--config"}, "flag needs an argument"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.wantErr) || !strings.Contains(stderr, "Usage:") {
				t.Errorf("stderr %q, want %q and the usage", stderr, tt.wantErr)
			}
			if stdout != "" {
				t.Errorf("stdout %q, want nothing on a usage error", stdout)
			}
		})
	}
}

func TestBadConfigExits2WithFileLineAndKey(t *testing.T) {
	tests := []struct {
		name, file, want string
	}{
		{"syntax", "[network\n", ":1: "},
		{"unknown key", "[clock]\nntp = [\"a\"]\n", ":2: clock.ntp: unknown key"},
		{"bad CIDR", "[network]\nallowed_networks = [\"10.0.0.0/33\"]\n", ":2: network.allowed_networks[0]: \"10.0.0.0/33\""},
		{"bad endpoint", "[network]\nendpoints = [\"imap.zoho.com\"]\n", ":2: network.endpoints[0]"},
		{"bad threshold", "[clock]\nfail_seconds = 1\n", ":2: clock.fail_seconds"},
		{"bad check id", "[checks]\ndisabled = [\"dns\"]\n", ":2: checks.disabled[0]"},
		{"bad symptom id", "[playbook]\nhidden_symptoms = [\"x\"]\n", ":2: playbook.hidden_symptoms[0]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "signin-doctor.toml", tt.file)
			for _, args := range [][]string{{"check", "--config", path}, {"check", "--json", "--config", path}} {
				code, stdout, stderr := runCLI(t, args...)
				if code != exitUsage {
					t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
				}
				if !strings.Contains(stderr, path+tt.want) {
					t.Errorf("%v: stderr %q, want %q", args, stderr, path+tt.want)
				}
				if stdout != "" {
					t.Errorf("%v: stdout %q, want no report from a bad config", args, stdout)
				}
			}
		})
	}
	code, _, stderr := runCLI(t, "check", "--config", filepath.Join(t.TempDir(), "none.toml"))
	if code != exitUsage || !strings.Contains(stderr, "none.toml") {
		t.Errorf("a missing --config file: exit %d, stderr %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, stdout, _ := runCLI(t, "version")
	if code != 0 || stdout != "signin-doctor "+version+"\n" {
		t.Errorf("version: exit %d, %q", code, stdout)
	}
}
