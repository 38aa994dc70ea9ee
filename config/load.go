package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// Load reads and validates the configuration file at path.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, &tomlfile.Error{File: path, Msg: fmt.Sprintf("cannot read the file: %v", err)}
	}
	return Parse(path, data)
}

// Parse validates data, the contents of the file name, over the embedded defaults. Its errors
// are *tomlfile.Error, naming the file, the line and the key.
func Parse(name string, data []byte) (Config, error) {
	var f file
	loc, err := tomlfile.Decode(name, data, &f)
	if err != nil {
		var te *tomlfile.Error
		if errors.As(err, &te) && te.Msg == "unknown key" {
			te.Msg = "unknown key (the example signin-doctor.toml lists the keys there are)"
		}
		return Config{}, err
	}
	cfg, verr := f.validate(loc)
	if verr != nil {
		verr.File = name
		return Config{}, verr
	}
	cfg.Source = name
	if f := cfg.Playbook.File; f != "" && !filepath.IsAbs(f) {
		cfg.Playbook.File = filepath.Join(filepath.Dir(name), f)
	}
	return cfg, nil
}
