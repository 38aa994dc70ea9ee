package browsers

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"slices"
	"strings"
)

// xdgEnv answers the XDG Base Directory questions from an environment.
type xdgEnv struct {
	env map[string]string // nil: the process environment
}

func (x xdgEnv) get(key string) string {
	if x.env == nil {
		return os.Getenv(key)
	}
	return x.env[key]
}

// list returns the environment as KEY=value lines for a child process; nil means inherit.
func (x xdgEnv) list() []string {
	if x.env == nil {
		return nil
	}
	out := make([]string, 0, len(x.env))
	for k, v := range x.env {
		out = append(out, k+"="+v)
	}
	slices.Sort(out)
	return out
}

// dir returns an XDG single-directory variable, or home joined with fallback when it is
// unset or relative (the spec says relative paths are invalid and to be ignored).
func (x xdgEnv) dir(key, fallback string) string {
	if v := x.get(key); path.IsAbs(v) {
		return path.Clean(v)
	}
	if home := x.get("HOME"); path.IsAbs(home) {
		return path.Join(home, fallback)
	}
	return ""
}

// dirs returns an XDG directory-list variable's absolute entries, or the defaults.
func (x xdgEnv) dirs(key string, defaults ...string) []string {
	var out []string
	for _, d := range strings.Split(x.get(key), ":") {
		if path.IsAbs(d) {
			out = appendNew(out, path.Clean(d))
		}
	}
	if len(out) == 0 {
		return defaults
	}
	return out
}

// dataHome is $XDG_DATA_HOME, by default ~/.local/share.
func (x xdgEnv) dataHome() string { return x.dir("XDG_DATA_HOME", ".local/share") }

// dataDirs lists the data directories in precedence order: $XDG_DATA_HOME, then
// $XDG_DATA_DIRS, then the Flatpak and Snap export directories when the session did not
// already list them (they are added by profile scripts that a non-login shell may miss).
func (x xdgEnv) dataDirs() []string {
	var out []string
	if h := x.dataHome(); h != "" {
		out = append(out, h)
	}
	for _, d := range x.dirs("XDG_DATA_DIRS", "/usr/local/share", "/usr/share") {
		out = appendNew(out, d)
	}
	if h := x.dataHome(); h != "" {
		out = appendNew(out, path.Join(h, "flatpak/exports/share"))
	}
	return appendNew(appendNew(out, "/var/lib/flatpak/exports/share"), "/var/lib/snapd/desktop")
}

// configDirs lists $XDG_CONFIG_HOME then $XDG_CONFIG_DIRS.
func (x xdgEnv) configDirs() []string {
	var out []string
	if h := x.dir("XDG_CONFIG_HOME", ".config"); h != "" {
		out = append(out, h)
	}
	for _, d := range x.dirs("XDG_CONFIG_DIRS", "/etc/xdg") {
		out = appendNew(out, d)
	}
	return out
}

// desktops lists $XDG_CURRENT_DESKTOP's names in lower case, for "$desktop-mimeapps.list".
func (x xdgEnv) desktops() []string {
	var out []string
	for _, d := range strings.Split(x.get("XDG_CURRENT_DESKTOP"), ":") {
		if d = strings.ToLower(strings.TrimSpace(d)); d != "" && !strings.Contains(d, "/") {
			out = appendNew(out, d)
		}
	}
	return out
}

// pathDirs lists $PATH's absolute entries.
func (x xdgEnv) pathDirs() []string { return x.dirs("PATH") }

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// fsPath turns an absolute path into a path in a file system rooted at "/".
func fsPath(abs string) string {
	p := strings.TrimPrefix(path.Clean("/"+abs), "/")
	if p == "" {
		return "."
	}
	return p
}

// lookPath finds an executable file by name in dirs ($PATH), or takes an absolute name as is
// when it is executable. It returns "" when there is none.
func lookPath(fsys fs.FS, dirs []string, name string) string {
	if name == "" {
		return ""
	}
	if path.IsAbs(name) {
		if isExecutable(fsys, name) {
			return path.Clean(name)
		}
		return ""
	}
	if strings.Contains(name, "/") {
		return ""
	}
	for _, d := range dirs {
		if p := path.Join(d, name); isExecutable(fsys, p) {
			return p
		}
	}
	return ""
}

func isExecutable(fsys fs.FS, abs string) bool {
	fi, err := fs.Stat(fsys, fsPath(abs))
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// resolveLink follows symbolic links from abs, where the file system can read them, so that a
// launcher on PATH leads to the installation directory and its version file.
func resolveLink(fsys fs.FS, abs string) string {
	for range 8 {
		target, err := fs.ReadLink(fsys, fsPath(abs))
		if err != nil {
			return abs
		}
		if !path.IsAbs(target) {
			target = path.Join(path.Dir(abs), target)
		}
		abs = path.Clean(target)
	}
	return abs
}

// readable reports whether a directory exists and can be listed; a missing one is simply
// not there, any other error is worth telling IT.
func readable(fsys fs.FS, abs string) (bool, error) {
	_, err := fs.ReadDir(fsys, fsPath(abs))
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return false, err
}
