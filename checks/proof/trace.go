package proof

import (
	"encoding/base32"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// SecretForms returns the forms a TOTP key could leave a trace in, by name: base32 (as
// authenticators show it), hex, base64 and the raw bytes, and each of typed (the text a
// person gave: spaced, lower-case, an otpauth:// URI …) under its own name.
func SecretForms(key []byte, typed map[string]string) map[string]string {
	forms := map[string]string{
		"base32": base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(key),
		"hex":    hex.EncodeToString(key),
		// Without its last characters, which depend on padding and on what follows.
		"base64": base64.StdEncoding.EncodeToString(key)[:4*(len(key)/3)],
		"raw":    string(key),
	}
	for name, text := range typed {
		forms[name] = text
	}
	return forms
}

// Traces returns where a form of the secret appears, in any case: in texts (named by where
// they were seen), and in the path or content of every regular file under dirs. A folder that
// cannot be read is an error: a trace could hide there.
func Traces(forms, texts map[string]string, dirs ...string) ([]string, error) {
	all := make(map[string]string, len(texts))
	for where, text := range texts {
		all[where] = text
	}
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.Type().IsRegular() {
				return err
			}
			b, err := os.ReadFile(path)
			all["the file "+path] = path + "\n" + string(b)
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("reading what was written under %s: %w", dir, err)
		}
	}
	var found []string
	for where, text := range all {
		upper := strings.ToUpper(text)
		for name, form := range forms {
			if hit := strings.Contains(text, form); hit || isText(form) && strings.Contains(upper, strings.ToUpper(form)) {
				found = append(found, where+" holds the secret ("+name+")")
			}
		}
	}
	sort.Strings(found)
	return found, nil
}

// isText reports whether s is printable ASCII, whose case may be folded; other forms (the raw
// key) must match byte for byte.
func isText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}
