package browsers

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"strings"
)

// Runner runs a command and returns its standard output. env nil means the caller's
// environment.
type Runner func(ctx context.Context, env []string, name string, args ...string) ([]byte, error)

// RunCommand is the real Runner. With an env, the program is looked up on that env's PATH,
// so a scan of another environment does not borrow this process's programs.
func RunCommand(ctx context.Context, env []string, name string, args ...string) ([]byte, error) {
	if env != nil && !strings.Contains(name, "/") {
		found := lookPath(os.DirFS("/"), envPath(env), name)
		if found == "" {
			return nil, fmt.Errorf("running %s: %w", name, exec.ErrNotFound)
		}
		name = found
	}
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		return out, fmt.Errorf("running %s: %w", name, err)
	}
	return out, nil
}

// envPath returns the absolute PATH entries of a KEY=value environment.
func envPath(env []string) []string {
	x := xdgEnv{env: map[string]string{}}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			x.env[k] = v
		}
	}
	return x.pathDirs()
}

// LinuxSource finds browsers the XDG way (also right for the BSDs): desktop entries that
// handle https in the data directories, the usual browser names on PATH, and the default
// from the mimeapps.list files.
type LinuxSource struct {
	// FS is the file system rooted at "/"; nil means the real one.
	FS fs.FS
	// Env holds HOME, PATH and the XDG variables; nil means the process environment.
	Env map[string]string
	// Run, when set, asks `xdg-settings get default-web-browser` when no mimeapps.list
	// names a default: desktop-specific tools and xdg-mime's own fallbacks know more.
	Run Runner
}

// pathNames are browser launchers looked for on PATH, for browsers installed without a
// desktop entry (a tarball in /opt with a link in /usr/local/bin).
var pathNames = []string{
	"google-chrome", "google-chrome-stable", "chromium", "chromium-browser", "firefox",
	"firefox-esr", "microsoft-edge", "microsoft-edge-stable", "brave-browser", "opera",
	"vivaldi", "vivaldi-stable",
}

// xdgScan is one scan's state: every desktop entry by id, in precedence order.
type xdgScan struct {
	fsys    fs.FS
	env     xdgEnv
	entries map[string]Browser // by desktop-file id, every visible entry that has an Exec
	handles map[string]bool    // desktop-file ids that handle http or https and are shown
	hidden  map[string]bool    // ids deleted with Hidden=true or whose TryExec is missing
	errs    []string
}

// Scan implements Source.
func (s LinuxSource) Scan(ctx context.Context) (Inventory, error) {
	sc := &xdgScan{fsys: s.FS, env: xdgEnv{env: s.Env},
		entries: map[string]Browser{}, handles: map[string]bool{}, hidden: map[string]bool{}}
	if sc.fsys == nil {
		sc.fsys = os.DirFS("/")
	}
	anyDir := false
	for _, dir := range sc.env.dataDirs() {
		if err := ctx.Err(); err != nil {
			return Inventory{}, fmt.Errorf("reading desktop entries: %w", err)
		}
		ok, err := readable(sc.fsys, dir)
		if err != nil {
			sc.errs = append(sc.errs, fmt.Sprintf("data dir %s: %v", dir, err))
		}
		if ok {
			anyDir = true
			sc.readApplications(path.Join(dir, "applications"))
		}
	}
	inv := Inventory{}
	for id, b := range sc.entries {
		if sc.handles[id] {
			inv.Installed = append(inv.Installed, b)
		}
	}
	inv.Installed = append(inv.Installed, sc.onPath(inv.Installed)...)
	if !anyDir && len(inv.Installed) == 0 {
		return Inventory{Errors: sc.errs}, errors.New("none of the XDG data directories is readable: " + strings.Join(sc.env.dataDirs(), ":"))
	}
	inv.Default, inv.DefaultFrom = sc.defaultBrowser(ctx, s.Run)
	inv.Errors = sc.errs
	return inv, nil
}

// readApplications reads the desktop entries under one applications directory. An id seen in
// an earlier directory shadows this one's, subdirectories giving ids like
// "kde4-konqueror.desktop".
func (sc *xdgScan) readApplications(dir string) {
	root := fsPath(dir)
	err := fs.WalkDir(sc.fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p != root || !errors.Is(err, fs.ErrNotExist) {
				sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", "/"+p, err))
			}
			return nil
		}
		if d.IsDir() || !strings.HasSuffix(p, ".desktop") {
			return nil
		}
		id := strings.ReplaceAll(strings.TrimPrefix(p, root+"/"), "/", "-")
		if _, seen := sc.entries[id]; seen || sc.hidden[id] {
			return nil
		}
		sc.readEntry(id, "/"+p)
		return nil
	})
	if err != nil {
		sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", dir, err))
	}
}

// readEntry records one desktop entry under its id.
func (sc *xdgScan) readEntry(id, file string) {
	data, err := fs.ReadFile(sc.fsys, fsPath(file))
	if err != nil {
		sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", file, err))
		return
	}
	e, err := parseDesktopEntry(data)
	if err != nil {
		sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", file, err))
		sc.hidden[id] = true
		return
	}
	if e.Hidden || (e.TryExec != "" && lookPath(sc.fsys, sc.env.pathDirs(), e.TryExec) == "") {
		sc.hidden[id] = true
		return
	}
	if e.Type != "" && e.Type != "Application" || e.Exec == "" {
		sc.hidden[id] = true
		return
	}
	argv, err := splitExec(e.Exec)
	if err != nil {
		sc.errs = append(sc.errs, fmt.Sprintf("%s: %v", file, err))
		sc.hidden[id] = true
		return
	}
	program := commandOf(argv)
	b := Browser{Name: e.Name, ID: id, Path: lookPath(sc.fsys, sc.env.pathDirs(), program),
		launch: launch{argv: argv, dir: e.Path, fieldCodes: true, entry: file, icon: e.Icon, name: e.Name}}
	if b.Path == "" {
		b.Path = program
	}
	f, ok := byKey(id, path.Base(program))
	classify(&b, f, ok)
	b.Version = sc.version(b, file)
	sc.entries[id] = b
	// NoDisplay entries still take part in defaults (the spec says they remain usable), but
	// the person cannot pick them in a menu, so they are not offered as installed; a
	// terminal browser cannot open a sign-in page the wizard hands it.
	sc.handles[id] = !e.NoDisplay && (e.handles("x-scheme-handler/https") || e.handles("x-scheme-handler/http"))
}

// onPath finds the usual browser launchers on PATH whose family no desktop entry provides.
func (sc *xdgScan) onPath(have []Browser) []Browser {
	families := map[Family]bool{}
	for _, b := range have {
		families[b.Family] = true
	}
	var out []Browser
	for _, name := range pathNames {
		p := lookPath(sc.fsys, sc.env.pathDirs(), name)
		f, ok := byKey(name)
		if p == "" || !ok || families[f.id] {
			continue
		}
		families[f.id] = true
		b := Browser{ID: name, Path: p, launch: launch{argv: []string{p}}}
		classify(&b, f, ok)
		b.Version = sc.version(b, "")
		out = append(out, b)
	}
	return out
}

// version reads a browser's version where a file says it: a Snap's meta/snap.yaml, or the
// application.ini installed beside a Firefox. Running the browser to ask would be slow and
// might open a window.
func (sc *xdgScan) version(b Browser, entry string) string {
	if snap, _, ok := strings.Cut(b.ID, "_"); ok && strings.HasPrefix(entry, "/var/lib/snapd/desktop/") {
		return snapVersion(sc.fsys, snap)
	}
	if b.Family != Firefox || b.Path == "" {
		return ""
	}
	return firefoxVersion(sc.fsys, resolveLink(sc.fsys, b.Path))
}

// snapVersion reads the version line of an installed snap's meta/snap.yaml.
func snapVersion(fsys fs.FS, snap string) string {
	data, err := fs.ReadFile(fsys, fsPath(path.Join("/snap", snap, "current/meta/snap.yaml")))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "version:"); ok {
			return strings.Trim(strings.TrimSpace(v), `"'`)
		}
	}
	return ""
}

// firefoxVersion reads the Version of the application.ini installed beside a Firefox
// executable, as cheap as a version gets without running the browser.
func firefoxVersion(fsys fs.FS, exe string) string {
	data, err := fs.ReadFile(fsys, fsPath(path.Join(path.Dir(exe), "application.ini")))
	if err != nil {
		return ""
	}
	version := ""
	_ = eachKey(data, func(group, key, value string) {
		if group == "App" && key == "Version" && version == "" {
			version = value
		}
	}, nil)
	return version
}
