package browsers

import (
	"errors"
	"fmt"
	"strings"
)

// splitExec splits a desktop entry's Exec value (already string-unescaped) into arguments by
// the spec's quoting rules: arguments are separated by spaces; a double-quoted argument may
// hold spaces and escapes \" \` \$ \\ with a backslash. Percent signs are left for expandExec:
// "%%" is a literal one everywhere, and field codes inside quotes, which the spec leaves
// undefined, are expanded as outside.
func splitExec(exec string) ([]string, error) {
	var args []string
	var cur strings.Builder
	inArg, inQuote := false, false
	for i := 0; i < len(exec); i++ {
		if inQuote {
			var err error
			if i, inQuote, err = quotedByte(exec, i, &cur); err != nil {
				return nil, err
			}
			continue
		}
		switch c := exec[i]; c {
		case '"':
			inQuote, inArg = true, true
		case ' ', '\t', '\n':
			if inArg {
				args = append(args, cur.String())
				cur.Reset()
				inArg = false
			}
		default:
			cur.WriteByte(c)
			inArg = true
		}
	}
	if inQuote {
		return nil, errors.New("the Exec key has an unterminated quote")
	}
	if inArg {
		args = append(args, cur.String())
	}
	if len(args) == 0 {
		return nil, errors.New("the Exec key is empty")
	}
	return args, nil
}

// quotedByte reads exec[i], inside a double-quoted argument, into cur: a closing quote ends
// the quote (still false), a backslash escapes the next byte. It returns the index of the last
// byte it read.
func quotedByte(exec string, i int, cur *strings.Builder) (last int, still bool, err error) {
	switch exec[i] {
	case '"':
		return i, false, nil
	case '\\':
		if i+1 == len(exec) {
			return i, true, errors.New("the Exec key ends inside an escape")
		}
		i++
	}
	cur.WriteByte(exec[i])
	return i, true, nil
}

// expandExec puts url into a desktop entry's command line by its field codes: %u %U %f %F
// become the URL (a browser takes a URL where it asks for a file, and the URL is the one
// thing to pass); %i becomes "--icon ICON"; %c the name; %k the entry's path; %% a "%".
// Deprecated codes (%d %D %n %N %v %m) are dropped. When no code takes the URL it is
// appended, as launchers do.
func expandExec(l launch, url string) ([]string, error) {
	if len(l.argv) == 0 || strings.Contains(l.argv[0], "%") {
		// The program comes first; a URL in its place would be run as one.
		return nil, errors.New("the command line does not start with a program")
	}
	var out []string
	used := false
	for _, arg := range l.argv {
		switch arg {
		case "%U", "%F":
			out = append(out, url)
			used = true
			continue
		case "%i":
			if l.icon != "" {
				out = append(out, "--icon", l.icon)
			}
			continue
		}
		s, took, err := expandArg(arg, url, l)
		if err != nil {
			return nil, err
		}
		used = used || took
		if s != "" || !isOnlyCodes(arg) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("the command line is empty")
	}
	if !used {
		out = append(out, url)
	}
	return out, nil
}

// expandArg expands the field codes inside one argument.
func expandArg(arg, url string, l launch) (string, bool, error) {
	var b strings.Builder
	took := false
	for i := 0; i < len(arg); i++ {
		if arg[i] != '%' {
			b.WriteByte(arg[i])
			continue
		}
		if i+1 == len(arg) {
			return "", false, fmt.Errorf("argument %q ends with a lone %%", arg)
		}
		i++
		switch arg[i] {
		case '%':
			b.WriteByte('%')
		case 'u', 'f', 'U', 'F':
			b.WriteString(url)
			took = true
		case 'c':
			b.WriteString(l.name)
		case 'k':
			b.WriteString(l.entry)
		case 'i':
			if l.icon != "" {
				b.WriteString(l.icon)
			}
		case 'd', 'D', 'n', 'N', 'v', 'm':
		default:
			return "", false, fmt.Errorf("argument %q has an unknown field code %%%c", arg, arg[i])
		}
	}
	return b.String(), took, nil
}

// isOnlyCodes reports whether an argument is made of field codes alone, so that an empty
// expansion removes the argument rather than passing "".
func isOnlyCodes(arg string) bool {
	if arg == "" {
		return false
	}
	for i := 0; i < len(arg); i += 2 {
		if arg[i] != '%' || i+1 == len(arg) || arg[i+1] == '%' {
			return false
		}
	}
	return true
}

// commandOf returns the program of a desktop entry's command line, skipping an "env"
// wrapper and its VAR=value assignments, so the browser is recognised by its own name.
func commandOf(argv []string) string {
	for i, a := range argv {
		base := a[strings.LastIndexByte(a, '/')+1:]
		if i == 0 && base == "env" {
			continue
		}
		if i > 0 && (strings.Contains(a, "=") && !strings.HasPrefix(a, "/") || strings.HasPrefix(a, "-")) {
			continue
		}
		return a
	}
	return ""
}
