package timesync

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
)

// exitStatus3 is the error a program gives that ran and exited with status 3: a real
// *exec.ExitError, from a real shell.
func exitStatus3(t *testing.T) error {
	t.Helper()
	_, err := exec.Command("sh", "-c", "exit 3").Output()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 3 {
		t.Fatalf("sh -c 'exit 3': %v, want exit status 3", err)
	}
	return err
}

// failing is a Runner whose every program prints out and exits with err, as execRun reports.
func failing(out []byte, err error) Runner {
	return func(_ context.Context, name string, _ ...string) ([]byte, error) {
		return out, fmt.Errorf("%s: %w", name, err)
	}
}

// garbage is what a crashing program leaves on standard output.
var garbage = []byte("\xff\xfe\x00Segmentation fault\n: : =\n==1234== ERROR\n")

// denying is a Registry where the values named are refused, access denied, and the others
// are read from hklm.
type denying struct {
	hklm
	denied map[string]bool // path\name
}

func (d denying) refuse(path, name string) error {
	if d.denied[path+`\`+name] {
		return fmt.Errorf(`reading HKLM\%s\%s: %w`, path, name, checkstest.AccessDenied)
	}
	return nil
}

func (d denying) String(path, name string) (string, error) {
	if err := d.refuse(path, name); err != nil {
		return "", err
	}
	return d.hklm.String(path, name)
}

func (d denying) Integer(path, name string) (uint64, error) {
	if err := d.refuse(path, name); err != nil {
		return 0, err
	}
	return d.hklm.Integer(path, name)
}

// unknownWith holds r to unknown, saying nothing of the setting, with raw (the injected
// error's text) in its error.
func unknownWith(t *testing.T, r checks.Result, raw string) {
	t.Helper()
	_, enabled := r.Details["enabled"]
	if r.Status != checks.Unknown || enabled || len(r.Findings) > 0 {
		t.Fatalf("%s %q, findings %v, details %v: want unknown", r.Status, r.Summary, r.Findings, r.Details)
	}
	if e, _ := r.Details["error"].(string); !strings.Contains(e, raw) {
		t.Errorf("error %q, want the raw %q in it", e, raw)
	}
}

// A registry value that cannot be read is not a value: W32Time's Start refused (a policy, a
// key's ACL) must not pass for "not disabled", nor the NTP client's Enabled for "on". The
// registry then cannot tell, and w32tm decides, or nothing does.
func TestWindowsUnexpectedErrors(t *testing.T) {
	const manual = 3
	start, client := w32timeKey+`\Start`, w32timeKey+`\TimeProviders\NtpClient\Enabled`
	statusEN := map[string]answer{"w32tm /query /status": {file: "w32tm-status-en.txt"}}
	withConfig := map[string]answer{"w32tm /query /configuration": {file: "w32tm-configuration-en.txt"}, "w32tm /query /status": {file: "w32tm-status-en.txt"}}
	tests := []struct {
		name string
		reg  Registry
		run  Runner
		want want
		raw  string // in the error, when unknown
	}{
		{"start_denied_w32tm_garbage_then_unknown", denying{w32("NTP", manual, 1), map[string]bool{start: true}},
			failing(garbage, exitStatus3(t)), want{status: checks.Unknown}, `W32Time\Start`},
		{"client_denied_w32tm_garbage_then_unknown", denying{w32("NTP", manual, 1), map[string]bool{client: true}},
			failing(garbage, exitStatus3(t)), want{status: checks.Unknown}, `NtpClient\Enabled`},
		{"type_denied_w32tm_garbage_then_unknown", denying{w32("NTP", manual, 1), map[string]bool{w32timeKey + `\Parameters\Type`: true}},
			failing(garbage, exitStatus3(t)), want{status: checks.Unknown}, "exit status 3"},
		{"w32tm_configuration_with_exit_status_3_then_unknown", hklm{},
			programs(t, map[string]answer{"w32tm /query /configuration": {file: "w32tm-configuration-en.txt", err: "exit status 3"}}),
			want{status: checks.Unknown}, "exit status 3"},
		{"start_denied_w32tm_answers_then_ok_by_w32tm", denying{w32("NTP", manual, 1), map[string]bool{start: true}},
			programs(t, withConfig), want{checks.OK, "true", "W32Time (time.windows.com)", "true"}, ""},
		{"start_missing_then_the_default_not_disabled", hklm{w32timeKey + `\Parameters\Type`: "NTP", client: 1},
			programs(t, statusEN), want{checks.OK, "true", "W32Time (time.windows.com)", "true"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := windowsState(t.Context(), tt.run, tt.reg)
			r := verdict(st, err)
			if tt.raw != "" {
				unknownWith(t, r, tt.raw)
				return
			}
			tt.want.check(t, r)
		})
	}
}

// Every program the Linux and macOS probes run failing oddly — an errno nobody expects, exit
// status 3 with garbage, or with a report that would parse — and every file refused: unknown,
// with the raw error.
func TestUnexpectedErrorsFromTheRunner(t *testing.T) {
	type row struct {
		name     string
		out      []byte
		err      error
		raw      string
		readFile error // macOS's plists, when set; else not found
	}
	rows := []row{
		{name: "exit_status_3_with_garbage", out: garbage, err: exitStatus3(t), raw: "exit status 3"},
		{name: "exit_status_3_with_a_report", out: recorded(t, "chronyc-tracking-local.txt"), err: exitStatus3(t), raw: "exit status 3"},
	}
	for _, u := range checkstest.UnexpectedErrors() {
		rows = append(rows, row{name: u.Name, err: u.Err, raw: u.Err.Error(), readFile: u.Err})
	}
	for _, tt := range rows {
		t.Run(tt.name, func(t *testing.T) {
			run := failing(tt.out, tt.err)
			st, err := linuxState(t.Context(), run)
			unknownWith(t, verdict(st, err), tt.raw)
			st, err = daemonState(t.Context(), run)
			unknownWith(t, verdict(st, err), tt.raw)
			readFile := func(path string) ([]byte, error) {
				if tt.readFile != nil {
					return nil, fmt.Errorf("open %s: %w", path, tt.readFile)
				}
				return files(t, nil)(path)
			}
			st, err = darwinState(t.Context(), run, readFile)
			unknownWith(t, verdict(st, err), tt.raw)
		})
	}
}
