package tomlfile

import "fmt"

// Error is a problem in a TOML file (a configuration or a playbook), with where it is.
type Error struct {
	File string // the file's path
	Line int    // 1-based; 0 when the line is not known
	Key  string // dotted TOML key, with an index for an array element: network.endpoints[2]
	Msg  string // what is wrong, and what would be right
}

func (e *Error) Error() string {
	where := e.File
	if e.Line > 0 {
		where = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if e.Key == "" {
		return fmt.Sprintf("%s: %s", where, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", where, e.Key, e.Msg)
}
