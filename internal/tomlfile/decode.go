// Package tomlfile decodes TOML files strictly for the configuration and the playbook: a
// syntax error, a value of the wrong type and an unknown key are each an Error that names the
// file, the line and the key, and a Locator finds the line of a key or value that a later
// validation rejects.
package tomlfile

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// typeError matches BurntSushi/toml's message for a value of the wrong type, which, unlike a
// syntax error, is not a toml.ParseError.
var typeError = regexp.MustCompile(`^toml: (?:line (\d+) )?\(last key "([^"]*)"\): (.*)$`)

// Decode decodes data, the contents of the file name, into v, and rejects keys v has no field
// for. It returns a Locator over data for the caller's own validation.
func Decode(name string, data []byte, v any) (Locator, error) {
	loc := NewLocator(data)
	md, err := toml.Decode(string(data), v)
	if err != nil {
		return loc, decodeError(name, data, err)
	}
	if undecoded := md.Undecoded(); len(undecoded) > 0 {
		key := undecoded[0].String()
		return loc, &Error{File: name, Line: loc.KeyLine(key), Key: key, Msg: "unknown key"}
	}
	return loc, nil
}

// decodeError turns a BurntSushi/toml error into an Error with a line and key.
func decodeError(name string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		// The byte offset is exact; the parser's own line number is one too far when the
		// offending character is the newline that ends the line.
		line := pe.Position.Line
		if s := pe.Position.Start; s > 0 && s <= len(data) {
			line = 1 + bytes.Count(data[:s], []byte("\n"))
		}
		return &Error{File: name, Line: line, Key: pe.LastKey, Msg: strings.TrimPrefix(pe.Message, "toml: ")}
	}
	if m := typeError.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: name, Line: line, Key: m[2], Msg: m[3]}
	}
	return &Error{File: name, Msg: err.Error()}
}
