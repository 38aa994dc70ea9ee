package playbook

import (
	"strings"

	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// locator finds the line of a playbook key for validation errors. tomlfile.Locator finds
// keys and table headers; a playbook also has arrays of tables ([[remedy.x.steps]]), whose
// n-th element it finds here, and keys written inside inline tables, for which it falls back
// to the nearest enclosing key it can find.
type locator struct {
	loc   tomlfile.Locator
	lines []string
}

func newLocator(loc tomlfile.Locator, data []byte) locator {
	return locator{loc: loc, lines: strings.Split(string(data), "\n")}
}

// key returns the line that sets the dotted key or, failing that, its nearest parent; 0 when
// none is written in the file.
func (l locator) key(key string) int {
	for k := key; k != ""; {
		if line := l.loc.KeyLine(k); line > 0 {
			return line
		}
		if i := strings.LastIndex(k, "["); i > 0 && strings.HasSuffix(k, "]") {
			k = k[:i] // an array element: try the array
			continue
		}
		i := strings.LastIndex(k, ".")
		if i < 0 {
			break
		}
		k = k[:i]
	}
	return 0
}

// element returns the line of the n-th (0-based) [[table]] header, or the table's key line
// when the array is written inline.
func (l locator) element(table string, n int) int {
	header := "[[" + table + "]]"
	seen := 0
	for i, raw := range l.lines {
		line := strings.TrimSpace(raw)
		if !strings.HasPrefix(line, header) {
			continue
		}
		if seen == n {
			return i + 1
		}
		seen++
	}
	return l.key(table)
}

// field returns the line that sets name inside the table that starts at line start, or start
// when the field is not written there.
func (l locator) field(start int, name string) int {
	if start <= 0 {
		return start
	}
	for i := start; i < len(l.lines); i++ {
		line := strings.TrimSpace(l.lines[i])
		if strings.HasPrefix(line, "[") {
			break
		}
		if eq := strings.Index(line, "="); eq > 0 && strings.TrimSpace(line[:eq]) == name {
			return i + 1
		}
	}
	return start
}
