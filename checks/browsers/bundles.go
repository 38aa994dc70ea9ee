package browsers

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"strings"

	"howett.net/plist"
)

// MacSource finds browsers among macOS application bundles and reads the default from the
// LaunchServices preferences. It only reads: the preferences are parsed in memory.
type MacSource struct {
	// FS is the file system rooted at "/"; nil means the real one.
	FS fs.FS
	// Home is the user's home directory; empty means $HOME.
	Home string
}

// infoPlist is the part of a bundle's Contents/Info.plist the check reads.
type infoPlist struct {
	ID          string `plist:"CFBundleIdentifier"`
	Name        string `plist:"CFBundleName"`
	DisplayName string `plist:"CFBundleDisplayName"`
	Version     string `plist:"CFBundleShortVersionString"`
	URLTypes    []struct {
		Schemes []string `plist:"CFBundleURLSchemes"`
	} `plist:"CFBundleURLTypes"`
}

// parseInfoPlist reads an Info.plist, XML or binary.
func parseInfoPlist(data []byte) (infoPlist, error) {
	var info infoPlist
	if _, err := plist.Unmarshal(data, &info); err != nil {
		return info, fmt.Errorf("reading Info.plist: %w", err)
	}
	return info, nil
}

// handlesWeb reports whether the bundle declares the http or https URL scheme.
func (i infoPlist) handlesWeb() bool {
	for _, t := range i.URLTypes {
		for _, s := range t.Schemes {
			if strings.EqualFold(s, "https") || strings.EqualFold(s, "http") {
				return true
			}
		}
	}
	return false
}

// appDirs are searched in order; Safari lives in the Cryptex volume since macOS 13, with a
// link in /Applications that some setups lack.
func (s MacSource) appDirs(home string) []string {
	dirs := []string{"/Applications"}
	if home != "" {
		dirs = append(dirs, path.Join(home, "Applications"))
	}
	return append(dirs, "/System/Volumes/Preboot/Cryptexes/App/System/Applications")
}

// Scan implements Source.
func (s MacSource) Scan(ctx context.Context) (Inventory, error) {
	fsys, home := s.FS, s.Home
	if fsys == nil {
		fsys = os.DirFS("/")
	}
	if home == "" {
		home = os.Getenv("HOME")
	}
	var inv Inventory
	seen := map[string]bool{}
	anyDir := false
	for _, dir := range s.appDirs(home) {
		if err := ctx.Err(); err != nil {
			return Inventory{}, fmt.Errorf("reading application bundles: %w", err)
		}
		entries, err := fs.ReadDir(fsys, fsPath(dir))
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				inv.Errors = append(inv.Errors, fmt.Sprintf("%s: %v", dir, err))
			}
			continue
		}
		anyDir = true
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".app") {
				continue
			}
			b, ok, err := readBundle(fsys, path.Join(dir, e.Name()))
			if err != nil {
				inv.Errors = append(inv.Errors, err.Error())
			}
			if ok && !seen[strings.ToLower(b.ID)] {
				seen[strings.ToLower(b.ID)] = true
				inv.Installed = append(inv.Installed, b)
			}
		}
	}
	if !anyDir {
		return inv, errors.New("no Applications folder is readable")
	}
	inv.Default, inv.DefaultFrom = macDefault(fsys, home, inv.Installed, &inv.Errors)
	return inv, nil
}

// readBundle reads one application bundle; ok is false when it is not a browser.
func readBundle(fsys fs.FS, bundle string) (Browser, bool, error) {
	data, err := fs.ReadFile(fsys, fsPath(path.Join(bundle, "Contents/Info.plist")))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Browser{}, false, nil
		}
		return Browser{}, false, fmt.Errorf("%s: %w", bundle, err)
	}
	info, err := parseInfoPlist(data)
	if err != nil {
		return Browser{}, false, fmt.Errorf("%s: %w", bundle, err)
	}
	f, known := byKey(info.ID)
	if info.ID == "" || !known && !info.handlesWeb() {
		return Browser{}, false, nil
	}
	b := Browser{Name: info.DisplayName, ID: info.ID, Path: bundle, Version: info.Version,
		launch: launch{argv: []string{"/usr/bin/open", "-b", info.ID}}}
	if b.Name == "" {
		b.Name = info.Name
	}
	if b.Name == "" {
		b.Name = strings.TrimSuffix(path.Base(bundle), ".app")
	}
	classify(&b, f, known)
	return b, true, nil
}

// macDefault reads the default browser's bundle id and finds it among the installed ones.
func macDefault(fsys fs.FS, home string, installed []Browser, errs *[]string) (*Browser, string) {
	if home == "" {
		return nil, ""
	}
	file := path.Join(home, launchServicesPrefs)
	handlers := map[string]string{}
	data, err := fs.ReadFile(fsys, fsPath(file))
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// No choice was ever made: Safari.
	case err != nil:
		*errs = append(*errs, fmt.Sprintf("%s: %v", file, err))
		return nil, ""
	default:
		if handlers, err = parseLSHandlers(data); err != nil {
			*errs = append(*errs, fmt.Sprintf("%s: %v", file, err))
			return nil, ""
		}
	}
	id, chosen := defaultBundleID(handlers)
	from := file
	if !chosen {
		from = "no LaunchServices choice: Safari"
	}
	for _, b := range installed {
		if strings.EqualFold(b.ID, id) {
			return &b, from
		}
	}
	b := Browser{ID: id, launch: launch{argv: []string{"/usr/bin/open", "-b", id}}}
	f, ok := byKey(id)
	classify(&b, f, ok)
	if b.Name == "" {
		b.Name = id
	}
	return &b, from
}
