package browsers

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// regFile is a registryReader over a .reg export (Registry Editor 5.00 format), the shape
// Windows itself writes, since the registry cannot run here. Key and value names are
// case-insensitive, as in the registry.
type regFile struct {
	keys map[string]*regKey // by lower-case "HKLM\path"
}

type regKey struct {
	subkeys []string          // names as written
	values  map[string]string // by lower-case name; "" is the default value
	binary  map[string]bool   // values that are not strings (dword:, hex:)
}

// loadReg reads testdata/windows/name.
func loadReg(t testing.TB, name string) regFile {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "windows", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := parseReg(bufio.NewScanner(f))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

func parseReg(sc *bufio.Scanner) (regFile, error) {
	r := regFile{keys: map[string]*regKey{}}
	var cur *regKey
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, ";") || strings.HasPrefix(line, "Windows Registry Editor"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			full := line[1 : len(line)-1]
			full = strings.Replace(full, "HKEY_LOCAL_MACHINE", "HKLM", 1)
			full = strings.Replace(full, "HKEY_CURRENT_USER", "HKCU", 1)
			cur = r.ensure(full)
		case cur == nil:
			return r, fmt.Errorf("line %d: value before any key", n)
		default:
			name, value, err := regValue(line)
			if err != nil {
				return r, fmt.Errorf("line %d: %w", n, err)
			}
			if s, ok := strings.CutPrefix(value, `"`); ok {
				cur.values[strings.ToLower(name)] = unquoteReg(strings.TrimSuffix(s, `"`))
			} else {
				cur.binary[strings.ToLower(name)] = true
			}
		}
	}
	return r, sc.Err()
}

// regValue splits `"name"=value` or `@=value`.
func regValue(line string) (name, value string, err error) {
	if v, ok := strings.CutPrefix(line, "@="); ok {
		return "", v, nil
	}
	if !strings.HasPrefix(line, `"`) {
		return "", "", fmt.Errorf("bad value line %q", line)
	}
	end := strings.Index(line, `"=`)
	if end < 1 {
		return "", "", fmt.Errorf("bad value line %q", line)
	}
	return unquoteReg(line[1:end]), line[end+2:], nil
}

func unquoteReg(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\"`, `"`).Replace(s)
}

// ensure creates a key and its parents, recording each as its parent's subkey.
func (r regFile) ensure(full string) *regKey {
	lower := strings.ToLower(full)
	if k, ok := r.keys[lower]; ok {
		return k
	}
	k := &regKey{values: map[string]string{}, binary: map[string]bool{}}
	r.keys[lower] = k
	if i := strings.LastIndexByte(full, '\\'); i > 0 {
		parent := r.ensure(full[:i])
		parent.subkeys = append(parent.subkeys, full[i+1:])
	}
	return k
}

func (r regFile) key(root regRoot, path string) (*regKey, error) {
	k, ok := r.keys[strings.ToLower(root.String()+`\`+path)]
	if !ok {
		return nil, fmt.Errorf(`%s\%s: %w`, root, path, errNotFound)
	}
	return k, nil
}

func (r regFile) SubKeys(root regRoot, path string) ([]string, error) {
	k, err := r.key(root, path)
	if err != nil {
		return nil, err
	}
	return k.subkeys, nil
}

func (r regFile) String(root regRoot, path, name string) (string, error) {
	k, err := r.key(root, path)
	if err != nil {
		return "", err
	}
	if k.binary[strings.ToLower(name)] {
		return "", fmt.Errorf(`%s\%s %q: unexpected value type`, root, path, name)
	}
	v, ok := k.values[strings.ToLower(name)]
	if !ok {
		return "", fmt.Errorf(`%s\%s %q: %w`, root, path, name, errNotFound)
	}
	return v, nil
}
