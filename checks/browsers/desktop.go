package browsers

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strings"
)

// desktopEntry is the part of a .desktop file (Desktop Entry Specification 1.5) the check
// reads: the [Desktop Entry] group's unlocalised keys.
type desktopEntry struct {
	Type, Name, Exec, TryExec, Path, Icon string
	MimeTypes, Categories                 []string
	Hidden, NoDisplay, Terminal           bool
}

// errNoDesktopGroup says a file has no [Desktop Entry] group, so it is not a desktop entry.
var errNoDesktopGroup = errors.New("no [Desktop Entry] group")

// parseDesktopEntry reads a desktop entry. Unknown keys, localised keys and other groups
// (desktop actions) are skipped, as the spec tells readers to.
func parseDesktopEntry(data []byte) (desktopEntry, error) {
	var e desktopEntry
	strs := map[string]*string{"Type": &e.Type, "Name": &e.Name, "Exec": &e.Exec,
		"TryExec": &e.TryExec, "Path": &e.Path, "Icon": &e.Icon}
	lists := map[string]*[]string{"MimeType": &e.MimeTypes, "Categories": &e.Categories}
	bools := map[string]*bool{"Hidden": &e.Hidden, "NoDisplay": &e.NoDisplay, "Terminal": &e.Terminal}
	found := false
	err := eachKey(data, func(group, key, value string) {
		if group != "Desktop Entry" {
			return
		}
		if p, ok := strs[key]; ok {
			*p = unescape(value)
		} else if p, ok := lists[key]; ok {
			*p = splitList(value)
		} else if p, ok := bools[key]; ok {
			*p = value == "true"
		}
	}, func(group string) {
		found = found || group == "Desktop Entry"
	})
	if err != nil {
		return e, err
	}
	if !found {
		return e, errNoDesktopGroup
	}
	return e, nil
}

// handles reports whether the entry declares the MIME type (a URL scheme is
// "x-scheme-handler/https").
func (e desktopEntry) handles(mime string) bool {
	for _, m := range e.MimeTypes {
		if strings.EqualFold(m, mime) {
			return true
		}
	}
	return false
}

// eachKey walks a key file (the format of .desktop and mimeapps.list files), calling onKey
// for every key=value line with the group it is in and onGroup at each group header.
// Localised keys (Name[ja]) are passed with their locale, so exact-name lookups skip them.
func eachKey(data []byte, onKey func(group, key, value string), onGroup func(group string)) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	group := ""
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
			// ";" comments are not in the desktop spec but appear in the ini files read
			// for versions; no key starts with one, so desktop entries lose nothing.
		case strings.HasPrefix(line, "["):
			if !strings.HasSuffix(line, "]") {
				return fmt.Errorf("line %d: bad group header %q", n, line)
			}
			group = line[1 : len(line)-1]
			if onGroup != nil {
				onGroup(group)
			}
		default:
			key, value, ok := strings.Cut(line, "=")
			if !ok {
				return fmt.Errorf("line %d: no '=' in %q", n, line)
			}
			if group == "" {
				return fmt.Errorf("line %d: key %q before any group", n, strings.TrimSpace(key))
			}
			onKey(group, strings.TrimSpace(key), strings.TrimSpace(value))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading key file: %w", err)
	}
	return nil
}

// unescape decodes a string value's escapes: \s \n \t \r \\; other backslashes stay.
func unescape(v string) string {
	if !strings.Contains(v, `\`) {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] != '\\' || i+1 == len(v) {
			b.WriteByte(v[i])
			continue
		}
		i++
		switch v[i] {
		case 's':
			b.WriteByte(' ')
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case '\\':
			b.WriteByte('\\')
		default:
			// Not a string escape: kept for the next reader, as Exec's quoting rule
			// gives \" its own meaning inside quotes.
			b.WriteByte('\\')
			b.WriteByte(v[i])
		}
	}
	return b.String()
}

// splitList splits a list value at unescaped semicolons ("\;" is a literal one) and drops
// empty items, since lists end with a semicolon.
func splitList(v string) []string {
	var out []string
	var cur strings.Builder
	for i := 0; i < len(v); i++ {
		switch {
		case v[i] == '\\' && i+1 < len(v) && v[i+1] == ';':
			cur.WriteByte(';')
			i++
		case v[i] == ';':
			if s := strings.TrimSpace(unescape(cur.String())); s != "" {
				out = append(out, s)
			}
			cur.Reset()
		default:
			cur.WriteByte(v[i])
		}
	}
	if s := strings.TrimSpace(unescape(cur.String())); s != "" {
		out = append(out, s)
	}
	return out
}
