package playbook

import (
	"fmt"
	"strings"
)

// Templates are texts with {name} placeholders, name being lower-case letters, digits and
// underscores starting with a letter; {{ and }} stand for literal braces. A placeholder with no
// value renders as Missing: the checks' engineers add params as they learn more, and a
// message must never fail because one is absent.

// Missing is what a placeholder without a value renders as, in words: a person reads "?" as
// an error of the app, and "unknown" as what it is.
var Missing = Text{JA: "不明", EN: "unknown"}

// templateError says what is wrong with a template, at which byte.
func templateError(s string) error {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			if i+1 < len(s) && s[i+1] == '{' {
				i++
				continue
			}
			end := strings.IndexByte(s[i:], '}')
			if end < 0 {
				return fmt.Errorf("the { at byte %d is never closed (write {{ for a literal brace)", i)
			}
			name := s[i+1 : i+end]
			if !validName(name) {
				return fmt.Errorf("{%s} is not a placeholder: use lower-case letters, digits and _ (like {offset_seconds}), or {{ for a literal brace", name)
			}
			i += end
		case '}':
			if i+1 < len(s) && s[i+1] == '}' {
				i++
				continue
			}
			return fmt.Errorf("the } at byte %d closes nothing (write }} for a literal brace)", i)
		}
	}
	return nil
}

func validName(name string) bool {
	if name == "" || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	for _, c := range name {
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

// render fills s's placeholders with lookup's values, missing where lookup has none. A
// malformed placeholder (validation keeps them out of a playbook) is copied as written.
func render(s string, lookup func(name string) (string, bool), missing string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c == '{' || c == '}') && i+1 < len(s) && s[i+1] == c {
			b.WriteByte(c)
			i++
			continue
		}
		if c != '{' {
			b.WriteByte(c)
			continue
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 || !validName(s[i+1:i+end]) {
			b.WriteByte(c)
			continue
		}
		if v, ok := lookup(s[i+1 : i+end]); ok && v != "" {
			b.WriteString(v)
		} else {
			b.WriteString(missing)
		}
		i += end
	}
	return b.String()
}

// placeholders returns the names s uses, in order.
func placeholders(s string) []string {
	var names []string
	render(s, func(name string) (string, bool) {
		names = append(names, name)
		return "", false
	}, "")
	return names
}
