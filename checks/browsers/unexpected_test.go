package browsers

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/checkstest"
)

// refusing is a registry where every key under one of the prefixes ("HKLM\SOFTWARE\…") fails
// to open with err, as windowsRegistry reports it; the others are the .reg file's.
type refusing struct {
	regFile
	prefixes []string
	err      error
}

func (r refusing) refuse(root regRoot, path string) error {
	full := strings.ToLower(root.String() + `\` + path)
	for _, p := range r.prefixes {
		if strings.HasPrefix(full, strings.ToLower(p)) {
			return fmt.Errorf(`opening %s\%s: %w`, root, path, r.err)
		}
	}
	return nil
}

func (r refusing) SubKeys(root regRoot, path string) ([]string, error) {
	if err := r.refuse(root, path); err != nil {
		return nil, err
	}
	return r.regFile.SubKeys(root, path)
}

func (r refusing) String(root regRoot, path, name string) (string, error) {
	if err := r.refuse(root, path); err != nil {
		return "", err
	}
	return r.regFile.String(root, path, name)
}

// A registry key the user may not read is not an empty one: the browsers it would list, or the
// default it would name, are unknown, and so is the verdict that depends on them.
func TestRegistryReadsRefused(t *testing.T) {
	const wow64Clients = `HKLM\` + startMenuWOW64
	type refusal struct {
		name     string
		file     string
		prefixes []string
		err      error
	}
	tests := []refusal{
		// Chrome is listed only under WOW6432Node: refused, only Internet Explorer is seen.
		{"clients_refused_then_unknown_not_no-supported-browser", "win10-legacy-edge.reg",
			[]string{wow64Clients}, checkstest.AccessDenied},
		// Windows 11 follows UserChoiceLatest first: refused, UserChoice's Edge Legacy may not
		// be the default at all.
		{"user_choice_latest_refused_then_unknown_not_default-unsupported", "win10-legacy-edge.reg",
			[]string{`HKCU\` + urlAssociations + `https\UserChoiceLatest`}, checkstest.AccessDenied},
	}
	for _, u := range checkstest.UnexpectedErrors() {
		tests = append(tests, refusal{"everything_refused_" + u.Name, "win11-chrome.reg", []string{`HKLM\`, `HKCU\`}, u.Err})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := registrySource{reg: refusing{loadReg(t, tt.file), tt.prefixes, tt.err}}
			r := New(Options{Source: src}).Run(t.Context(), nil)
			if r.Status != checks.Unknown || len(r.Findings) > 0 {
				t.Fatalf("%s %q, findings %+v: want unknown", r.Status, r.Summary, r.Findings)
			}
			details, err := json.Marshal(r.Details)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(details), tt.err.Error()) {
				t.Errorf("details %s: want the raw error %q", details, tt.err)
			}
		})
	}
}

// The same files with nothing refused give the verdicts the refusals must not: the rows above
// would pass for another reason otherwise.
func TestRegistryReadsRefusedBaseline(t *testing.T) {
	inv, err := registrySource{reg: loadReg(t, "win10-legacy-edge.reg")}.Scan(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	assertVerdict(t, inv, checks.Warn, map[string]string{"default": "Microsoft Edge Legacy", "suggestion": "Google Chrome"})
	src := registrySource{reg: refusing{loadReg(t, "win10-legacy-edge.reg"), []string{`HKLM\` + startMenuWOW64}, errNotFound}}
	inv, err = src.Scan(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	assertVerdict(t, inv, checks.Fail, map[string]string{"installed": "Internet Explorer, Microsoft Edge Legacy"})
}
