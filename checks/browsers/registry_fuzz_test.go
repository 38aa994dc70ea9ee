package browsers

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// FuzzRegistry: any registry, as a .reg export describes it (the recorded ones, mutated), gives
// an inventory without a panic, in which a browser called supported belongs to a family.
// (Names are not held to: the test's .reg reader makes keys with empty names, which no real
// registry has, and the check rightly names a browser after its key.)
func FuzzRegistry(f *testing.F) {
	addFiles(f, "windows")
	f.Fuzz(func(t *testing.T, data []byte) {
		reg, err := parseReg(bufio.NewScanner(bytes.NewReader(data)))
		if err != nil {
			return
		}
		inv, err := registrySource{reg: reg}.Scan(t.Context())
		if err != nil {
			return
		}
		for _, b := range append(inv.Installed, deref(inv.Default)...) {
			if b.Supported && b.Family == "" {
				t.Fatalf("a supported browser of no family: %+v", b)
			}
		}
	})
}

// FuzzCommandProgram: the program of any registered command line is taken from it, never
// made up. It found the bug TestCommandProgramOfNonASCIIPaths keeps fixed.
func FuzzCommandProgram(f *testing.F) {
	f.Add(`"C:\Program Files\Google\Chrome\Application\chrome.exe" --single-argument %1`)
	f.Add(`C:\Program Files\Mozilla Firefox\firefox.exe -osint -url "%1"`)
	f.Add(`rundll32.exe url.dll,FileProtocolHandler %1`)
	f.Add(`"unterminated`)
	f.Fuzz(func(t *testing.T, cmd string) {
		if p := commandProgram(cmd); !strings.Contains(cmd, p) {
			t.Fatalf("commandProgram(%q) = %q", cmd, p)
		}
	})
}

// FuzzInfoPlist: any Info.plist, XML or binary, reads without a panic, and a bundle handles
// the web only when it declares http or https.
func FuzzInfoPlist(f *testing.F) {
	addFiles(f, "macos")
	f.Fuzz(func(t *testing.T, data []byte) {
		info, err := parseInfoPlist(data)
		if err != nil || !info.handlesWeb() {
			return
		}
		for _, u := range info.URLTypes {
			for _, s := range u.Schemes {
				if strings.EqualFold(s, "http") || strings.EqualFold(s, "https") {
					return
				}
			}
		}
		t.Fatalf("handles the web without declaring it: %+v", info)
	})
}

func deref(b *Browser) []Browser {
	if b == nil {
		return nil
	}
	return []Browser{*b}
}

// TestCommandProgramOfNonASCIIPaths: an unquoted command line whose path has a letter that
// lower-cases to a different length (Turkish İ; Ⱥ) keeps its whole path: ".exe" was once found
// in the lower-cased text and cut from the original, giving "…chrome.e" or a panic.
func TestCommandProgramOfNonASCIIPaths(t *testing.T) {
	for _, cmd := range []string{`C:\Users\İSMAİL\chrome.exe`, `C:\Ⱥ\Ⱥ\Ⱥ\chrome.exe`} {
		func() {
			defer func() {
				if v := recover(); v != nil {
					t.Errorf("commandProgram(%q) panics: %v", cmd, v)
				}
			}()
			if got := commandProgram(cmd); got != cmd {
				t.Errorf("commandProgram(%q) = %q, want the whole path", cmd, got)
			}
		}()
	}
}
