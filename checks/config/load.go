package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Load reads and validates the configuration file at path.
func Load(path string) (Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Config{}, &Error{File: path, Msg: fmt.Sprintf("cannot read the file: %v", err)}
	}
	return Parse(path, data)
}

// typeError matches BurntSushi/toml's message for a value of the wrong type, which, unlike a
// syntax error, is not a toml.ParseError.
var typeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// Parse validates data, the contents of the file name, over the embedded defaults.
func Parse(name string, data []byte) (Config, error) {
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return Config{}, decodeError(name, err)
	}
	loc := newLocator(data)
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		key := undecoded[0].String()
		return Config{}, &Error{File: name, Line: loc.keyLine(key), Key: key,
			Msg: "unknown key (see the example signin-doctor.toml for the keys there are)"}
	}
	cfg, err := f.validate(loc)
	if err != nil {
		var ce *Error
		if errors.As(err, &ce) {
			ce.File = name
		}
		return Config{}, err
	}
	cfg.Source = name
	if f := cfg.Playbook.File; f != "" && !filepath.IsAbs(f) {
		cfg.Playbook.File = filepath.Join(filepath.Dir(name), f)
	}
	return cfg, nil
}

// decodeError turns a BurntSushi/toml error into an Error with a line and key.
func decodeError(name string, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line := pe.Position.Line
		if line == 0 {
			line = pe.Line
		}
		return &Error{File: name, Line: line, Key: pe.LastKey, Msg: strings.TrimPrefix(pe.Message, "toml: ")}
	}
	if m := typeError.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: name, Line: line, Key: m[2], Msg: m[3]}
	}
	return &Error{File: name, Msg: err.Error()}
}
