package browsers

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os/exec"
	"path"
	"strings"
	"time"
)

// xdgSettingsMargin is the part of the check's deadline kept for the work after xdg-settings
// (the verdict, the report); xdg-settings may use the rest. Without a deadline it gets
// xdgSettingsTimeout.
const (
	xdgSettingsMargin  = 300 * time.Millisecond
	xdgSettingsTimeout = 1500 * time.Millisecond
)

// schemes are asked in order: sign-in pages are https; a desktop that only set http (older
// tools did) still says which browser opens links.
var schemes = []string{"x-scheme-handler/https", "x-scheme-handler/http"}

// parseMimeappsDefaults returns the [Default Applications] group of a mimeapps.list file:
// for each MIME type, the desktop-file ids in order of preference.
func parseMimeappsDefaults(data []byte) (map[string][]string, error) {
	out := map[string][]string{}
	err := eachKey(data, func(group, key, value string) {
		if group == "Default Applications" {
			if _, dup := out[key]; !dup {
				out[key] = splitList(value)
			}
		}
	}, nil)
	return out, err
}

// mimeappsFiles lists the mimeapps.list files in the spec's order of precedence: per
// directory ($XDG_CONFIG_HOME, $XDG_CONFIG_DIRS, $XDG_DATA_HOME/applications,
// $XDG_DATA_DIRS/applications) the desktop-specific files first, then the plain one.
func mimeappsFiles(x xdgEnv) []string {
	dirs := x.configDirs()
	for _, d := range x.dataDirs() {
		dirs = append(dirs, path.Join(d, "applications"))
	}
	var out []string
	for _, d := range dirs {
		for _, desktop := range x.desktops() {
			out = append(out, path.Join(d, desktop+"-mimeapps.list"))
		}
		out = append(out, path.Join(d, "mimeapps.list"))
	}
	return out
}

// defaultBrowser finds the default browser: for https, then http, the first file that names
// an installed desktop entry wins (ids not installed are skipped, as the spec says). When no
// file says, it asks xdg-settings through run, if given.
func (sc *xdgScan) defaultBrowser(ctx context.Context, run Runner) (*Browser, string) {
	files := map[string]map[string][]string{}
	for _, f := range mimeappsFiles(sc.env) {
		data, err := fs.ReadFile(sc.fsys, fsPath(f))
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", f, err))
			}
			continue
		}
		defaults, err := parseMimeappsDefaults(data)
		if err != nil {
			sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", f, err))
		}
		files[f] = defaults
	}
	for _, scheme := range schemes {
		for _, f := range mimeappsFiles(sc.env) {
			for _, id := range files[f][scheme] {
				if b, ok := sc.entries[id]; ok && !sc.hidden[id] {
					return &b, f
				}
			}
		}
	}
	if run == nil {
		return nil, ""
	}
	return sc.askXDGSettings(ctx, run)
}

// askXDGSettings runs `xdg-settings get default-web-browser`, which knows the desktop
// environments' own stores and xdg-mime's fallbacks (defaults.list, mimeinfo.cache, the
// installed handler with the highest InitialPreference).
func (sc *xdgScan) askXDGSettings(ctx context.Context, run Runner) (*Browser, string) {
	const from = "xdg-settings get default-web-browser"
	// A desktop's own tool behind xdg-settings may hang; the entries read so far are
	// worth more than its answer.
	// A fixed bound would be too short on a loaded computer (it is a shell script that may
	// scan every desktop entry) or too long for the check's own deadline.
	deadline := time.Now().Add(xdgSettingsTimeout)
	if d, ok := ctx.Deadline(); ok {
		deadline = d.Add(-xdgSettingsMargin)
	}
	ctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	out, err := run(ctx, sc.env.list(), "xdg-settings", "get", "default-web-browser")
	if errors.Is(err, exec.ErrNotFound) {
		return nil, ""
	}
	if err != nil {
		sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", from, err))
		return nil, ""
	}
	id := strings.TrimSpace(string(out))
	if id == "" || strings.ContainsAny(id, "\n/") {
		return nil, ""
	}
	if b, ok := sc.entries[id]; ok {
		return &b, from
	}
	// Named but not found among the entries read: still say which browser it is.
	b := Browser{ID: id}
	f, ok := byKey(id)
	classify(&b, f, ok)
	if b.Name == "" {
		b.Name = strings.TrimSuffix(id, ".desktop")
	}
	return &b, from
}
