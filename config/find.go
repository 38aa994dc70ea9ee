package config

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
)

// FileName is the configuration file's name in every folder it is looked up in.
const FileName = "signin-doctor.toml"

// Places are the folders the configuration is looked up in, after --config.
type Places struct {
	Executable string // the running executable's folder; its file is IT's helpdesk bundle
	System     string // the OS's system-wide config folder for the app
	User       string // the user's config folder for the app
}

// DefaultPlaces returns this computer's folders: beside the executable (symlinks resolved, so a
// double-click from any working directory finds it), then the system folder
// (%ProgramData%\SigninDoctor, /Library/Application Support/SigninDoctor, /etc/signin-doctor),
// then the user's (os.UserConfigDir()/signin-doctor). A folder that cannot be found is left empty.
func DefaultPlaces() Places {
	var p Places
	if exe, err := os.Executable(); err == nil {
		if real, err := filepath.EvalSymlinks(exe); err == nil {
			exe = real
		}
		p.Executable = filepath.Dir(exe)
	}
	switch runtime.GOOS {
	case "windows":
		if pd := os.Getenv("ProgramData"); pd != "" {
			p.System = filepath.Join(pd, "SigninDoctor")
		}
	case "darwin":
		p.System = "/Library/Application Support/SigninDoctor"
	default:
		p.System = "/etc/signin-doctor"
	}
	if dir, err := os.UserConfigDir(); err == nil {
		p.User = filepath.Join(dir, "signin-doctor")
	}
	return p
}

// Candidates returns the files looked up, in order.
func (p Places) Candidates() []string {
	var out []string
	for _, dir := range []string{p.Executable, p.System, p.User} {
		if dir != "" {
			out = append(out, filepath.Join(dir, FileName))
		}
	}
	return out
}

// Discover returns the configuration: the file explicit when it is set (it must exist), else
// the first candidate of places that exists, else the embedded defaults. A file that exists but
// is bad is an error; it is never skipped for the next one.
func Discover(explicit string, places Places) (Config, error) {
	if explicit != "" {
		return Load(explicit)
	}
	for _, path := range places.Candidates() {
		_, err := os.Stat(path)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		return Load(path)
	}
	return Default(), nil
}
