package proof

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTracesFindsAPlantedSecret is the positive control of the hygiene tests: a secret planted
// in each form, in each place they search, must be found, or a clean result proves nothing.
func TestTracesFindsAPlantedSecret(t *testing.T) {
	key := []byte("0123456789abcdefghij") // 20 bytes, as a TOTP key
	forms := SecretForms(key, map[string]string{"as typed": "gaytemzugu 3doobz"})
	tests := []struct {
		name      string
		texts     map[string]string
		file      string // a file written under the searched folder: name, then content
		content   string
		wantFound string // "" for nothing
	}{
		{"base32 on standard output", map[string]string{"standard output": "key GAYTEMZUGU3DOOBZMFRGGZDFMZTWQ2LK"}, "", "", "standard output holds the secret (base32)"},
		{"base32 lower-cased", map[string]string{"standard error": "gaytemzugu3doobzmfrggzdfmztwq2lk"}, "", "", "standard error holds the secret (base32)"},
		{"hex in a file", nil, "state.json", `{"k":"303132333435363738396162636465666768696a"}`, "holds the secret (hex)"},
		{"raw bytes in a file", nil, "cache.bin", "\x00" + string(key) + "\x00", "holds the secret (raw)"},
		{"base64 in a file", nil, "prefs", "MDEyMzQ1Njc4OWFiY2RlZmdoaWo=", "holds the secret (base64)"},
		{"as typed in the environment", map[string]string{"environ": "X=gaytemzugu 3doobz"}, "", "", "environ holds the secret (as typed)"},
		{"in a file's name", nil, "GAYTEMZUGU3DOOBZMFRGGZDFMZTWQ2LK.txt", "", "holds the secret (base32)"},
		{"nowhere", map[string]string{"standard output": "the code matches this computer's current time step"}, "notes.txt", "nothing here", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if tt.file != "" {
				if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			found, err := Traces(forms, tt.texts, dir)
			if err != nil {
				t.Fatal(err)
			}
			if tt.wantFound == "" {
				if len(found) > 0 {
					t.Errorf("found %q where nothing was planted", found)
				}
				return
			}
			if !containsSuffix(found, tt.wantFound) {
				t.Errorf("found %q, want a trace ending %q", found, tt.wantFound)
			}
		})
	}
}

func containsSuffix(found []string, suffix string) bool {
	for _, f := range found {
		if strings.HasSuffix(f, suffix) {
			return true
		}
	}
	return false
}
