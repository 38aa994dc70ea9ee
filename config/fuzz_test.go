package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// FuzzParse holds that any input either loads or fails with a located *tomlfile.Error, and
// never panics.
func FuzzParse(f *testing.F) {
	example, err := os.ReadFile(filepath.Join("..", "assets", "signin-doctor.example.toml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(example))
	f.Add("[network]\nallowed_networks = [\"10.0.0.0/8\"]\n")
	f.Add("[clock]\nwarn_seconds = 1e308\nfail_seconds = inf\n")
	f.Add("a.b.c = 1\n[[x]]\n")
	f.Fuzz(func(t *testing.T, data string) {
		cfg, err := config.Parse("fuzz.toml", []byte(data))
		if err != nil {
			var ce *tomlfile.Error
			if !errors.As(err, &ce) {
				t.Fatalf("error %v is %T, not a *tomlfile.Error", err, err)
			}
			if ce.File != "fuzz.toml" {
				t.Fatalf("error names file %q", ce.File)
			}
			return
		}
		if cfg.Clock.FailSeconds <= cfg.Clock.WarnSeconds || cfg.Clock.WarnSeconds <= 0 {
			t.Fatalf("accepted thresholds warn=%v fail=%v", cfg.Clock.WarnSeconds, cfg.Clock.FailSeconds)
		}
	})
}
