package playbook

import (
	"errors"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// FuzzParse feeds Parse damaged playbooks: it must never panic, and it either returns a
// playbook that advises on every symptom or an error that names the file.
func FuzzParse(f *testing.F) {
	f.Add(defaultData)
	f.Add([]byte("format = 1\n[symptom.other]\ntitle = { ja = \"\" }\n"))
	f.Add([]byte("[[remedy.x.steps]]\nja = \"{\"\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("fuzz.toml", data)
		if err != nil {
			var te *tomlfile.Error
			if !errors.As(err, &te) || te.File != "fuzz.toml" {
				t.Fatalf("Parse error %v does not name the file", err)
			}
			return
		}
		for _, id := range checks.SymptomIDs() {
			p.Advise(checks.Report{}, id, "ja", "linux")
		}
		p.Match(string(data))
	})
}
