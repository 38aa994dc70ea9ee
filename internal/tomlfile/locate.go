package tomlfile

import (
	"strings"
)

// Locator finds where keys and values are in a TOML file's text. BurntSushi/toml reports
// positions only for syntax errors, so the line of an unknown key or a bad value is found
// here: the line that sets the key inside its table, or, for an array element, the line
// below it that holds the element's text.
type Locator struct {
	lines []string
}

func NewLocator(data []byte) Locator {
	return Locator{lines: strings.Split(string(data), "\n")}
}

// KeyLine returns the 1-based line that sets the dotted key, or 0.
func (l Locator) KeyLine(key string) int {
	table, name := "", key
	if i := strings.LastIndex(key, "."); i >= 0 {
		table, name = key[:i], key[i+1:]
	}
	current := ""
	for i, raw := range l.lines {
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "[") {
			header := strings.Trim(strings.SplitN(line, "#", 2)[0], "[] \t")
			current = header
			if current == key {
				return i + 1
			}
			continue
		}
		eq := strings.Index(line, "=")
		if eq < 0 {
			continue
		}
		lhs := strings.Trim(strings.TrimSpace(line[:eq]), `"'`)
		if (current == table && lhs == name) || (current == "" && lhs == key) ||
			(current != "" && current+"."+lhs == key) {
			return i + 1
		}
	}
	return 0
}

// ValueLine returns the line, at or after the key's line, that holds value in quotes; the
// key's line when it cannot tell.
func (l Locator) ValueLine(key, value string) int {
	at := l.KeyLine(key)
	if at == 0 || value == "" {
		return at
	}
	for i := at - 1; i < len(l.lines); i++ {
		if strings.Contains(l.lines[i], `"`+value+`"`) || strings.Contains(l.lines[i], `'`+value+`'`) {
			return i + 1
		}
		if i > at-1 && strings.Contains(l.lines[i], "=") {
			break // the next key: the value was not written on a line of its own
		}
	}
	return at
}
