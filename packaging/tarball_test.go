package packaging

import (
	"bytes"
	"context"
	"debug/elf"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLinuxBundle opens the .tar.xz as IT would: fyne's layout (usr/…/bin, the .desktop file,
// the icon, the install Makefile), an x86-64 ELF binary stamped with the bundle's version, the
// example configuration and the README. Then it unpacks it with tar and runs the binary the way
// the README says: from another folder, through a symlink, with the configuration beside it.
func TestLinuxBundle(t *testing.T) {
	b := bundleFile(t, "linux-amd64.tar.xz")
	checkVersionName(t, b)
	tb := readTarXZ(t, b.file)

	desktops := append(tb.glob("signin-doctor/usr/share/applications/*.desktop"), tb.glob("signin-doctor/usr/*/share/applications/*.desktop")...)
	if len(desktops) != 1 {
		t.Fatalf("%s: want one .desktop file under signin-doctor/usr/[local/]share/applications, found %q", tb.name, desktops)
	}
	prefix := path.Dir(path.Dir(path.Dir(desktops[0]))) // signin-doctor/usr[/local]
	entry := desktopEntry(t, tb.file(t, desktops[0]).data)
	for key, want := range map[string]string{"Type": "Application", "Name": "Sign-in Doctor", "Exec": "signin-doctor"} {
		if entry[key] != want {
			t.Errorf("%s: %s=%q, want %q", desktops[0], key, entry[key], want)
		}
	}
	if !strings.Contains(";"+entry["Categories"], ";Utility;") {
		t.Errorf("%s: Categories=%q, want Utility among them", desktops[0], entry["Categories"])
	}
	validateDesktop(t, tb.file(t, desktops[0]).data)

	icon := tb.file(t, prefix+"/share/pixmaps/"+entry["Icon"]+".png")
	if w, h, err := pngSize(icon.data); err != nil || w != h || w < 128 {
		t.Errorf("%s: the icon %s.png: %dx%d (%v), want a square PNG of 128 px or more", tb.name, entry["Icon"], w, h, err)
	}

	binPath := prefix + "/bin/" + entry["Exec"]
	bin := tb.file(t, binPath)
	if bin.mode&0o111 == 0 {
		t.Errorf("%s: %s is not executable (mode %v)", tb.name, binPath, bin.mode)
	}
	f, err := elf.NewFile(bytes.NewReader(bin.data))
	if err != nil {
		t.Fatalf("%s: %s is not ELF: %v", tb.name, binPath, err)
	}
	if f.Class != elf.ELFCLASS64 || f.Machine != elf.EM_X86_64 || (f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN) {
		t.Errorf("%s: %s is %v %v %v, want a 64-bit x86-64 executable", tb.name, binPath, f.Class, f.Machine, f.Type)
	}
	var sections []string
	for _, s := range f.Sections {
		sections = append(sections, s.Name)
	}
	checkStripped(t, binPath, sections)

	tb.file(t, "signin-doctor/Makefile")
	checkConfig(t, tb)
	checkReadme(t, tb)

	t.Run("unpacked", func(t *testing.T) {
		runUnpacked(t, b, strings.TrimPrefix(binPath, "signin-doctor/"))
	})
}

// desktopEntry returns the keys of a .desktop file's [Desktop Entry] group.
func desktopEntry(t *testing.T, data []byte) map[string]string {
	t.Helper()
	keys := map[string]string{}
	group := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			group = line
		case group == "[Desktop Entry]":
			k, v, _ := strings.Cut(line, "=")
			keys[k] = v
		}
	}
	if group == "" {
		t.Fatalf("the .desktop file has no [Desktop Entry] group:\n%s", data)
	}
	return keys
}

// validateDesktop runs desktop-file-validate (desktop-file-utils), the freedesktop.org check
// menus and software centres apply, on the .desktop file; its hints are logged, errors fail.
func validateDesktop(t *testing.T, data []byte) {
	t.Helper()
	if _, err := exec.LookPath("desktop-file-validate"); err != nil {
		if os.Getenv("SIGNIN_DOCTOR_REQUIRE_PEERS") != "" {
			t.Fatal("desktop-file-validate is missing: apt-get install desktop-file-utils")
		}
		t.Log("desktop-file-validate is missing (desktop-file-utils): the .desktop file is not validated")
		return
	}
	file := filepath.Join(t.TempDir(), "signin-doctor.desktop")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runExit(t, exec.CommandContext(t.Context(), "desktop-file-validate", file))
	if code != 0 {
		t.Errorf("desktop-file-validate: exit %d: %s%s", code, stdout, stderr)
	} else if stdout != "" {
		t.Logf("desktop-file-validate: %s", stdout)
	}
}

// runUnpacked unpacks the bundle with tar and runs the binary (at rel inside the bundle's
// folder) as the README tells IT to.
func runUnpacked(t *testing.T, b built, rel string) {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	top := t.TempDir()
	if code, _, stderr := runExit(t, exec.CommandContext(ctx, "tar", "-xJf", b.file, "-C", top)); code != 0 {
		t.Fatalf("tar -xJf %s: exit %d: %s", b.file, code, stderr)
	}
	t.Run("given the unpacked bundle when make install runs then the binary, the .desktop file and the icon are installed", func(t *testing.T) {
		dest := t.TempDir()
		code, stdout, stderr := runExit(t, exec.CommandContext(ctx, "make", "-C", filepath.Join(top, "signin-doctor"), "install", "DESTDIR="+dest, "PREFIX=/usr/local"))
		if code != 0 {
			t.Fatalf("make install: exit %d: %s%s", code, stdout, stderr)
		}
		for _, pattern := range []string{"usr/local/bin/signin-doctor", "usr/local/share/applications/*.desktop", "usr/local/share/pixmaps/*.png"} {
			if m, _ := filepath.Glob(filepath.Join(dest, pattern)); len(m) != 1 {
				t.Errorf("make install DESTDIR=%s: want one %s, found %q", dest, pattern, m)
			}
		}
	})

	bin := filepath.Join(top, "signin-doctor", rel)
	beside := filepath.Join(filepath.Dir(bin), "signin-doctor.toml")
	elsewhere := t.TempDir()
	link := filepath.Join(elsewhere, "signin-doctor")
	if err := os.Symlink(bin, link); err != nil {
		t.Fatal(err)
	}

	t.Run("given the bundle when version runs then it prints the bundle's version", func(t *testing.T) {
		code, stdout, stderr := runExit(t, command(ctx, elsewhere, bin, "version"))
		if want := "signin-doctor " + b.version + "\n"; code != 0 || stdout != want {
			t.Errorf("version: exit %d, %q (stderr %q), want exit 0, %q", code, stdout, stderr, want)
		}
	})

	bad := []byte("[network]\nallowed_networks = [\"10.0.0.0/33\"]\n")
	if err := os.WriteFile(beside, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, via := range []struct{ name, program string }{{"its path", bin}, {"a symlink in another folder", link}} {
		t.Run("given a bad config beside the binary when check runs from another folder through "+via.name+" then it exits 2 naming that file", func(t *testing.T) {
			code, _, stderr := runExit(t, command(ctx, elsewhere, via.program, "check", "--json"))
			if code != 2 || !strings.Contains(stderr, beside) || !strings.Contains(stderr, "allowed_networks") {
				t.Errorf("check: exit %d, stderr %q; want exit 2 and an error naming %s and the key", code, stderr, beside)
			}
		})
	}

	if err := os.Rename(filepath.Join(top, "signin-doctor", "signin-doctor.toml"), beside); err != nil {
		t.Fatal(err)
	}
	t.Run("given the example config beside the binary when a script runs check --json offline then it reads a report and exit 0 or 1", func(t *testing.T) {
		// unshare(1) gives the run a network namespace of its own with nothing in it: the
		// checks find no network and the test sends no traffic anywhere.
		code, stdout, stderr := runExit(t, command(ctx, elsewhere, "unshare", "--net", bin, "check", "--json"))
		if code != 0 && code != 1 {
			t.Fatalf("unshare --net signin-doctor check --json: exit %d, stderr %q; want 0 or 1 (unshare needs root)", code, stderr)
		}
		rep, err := decodeReport(stdout)
		if err != nil || rep.SchemaVersion != 1 || rep.Version != b.version {
			t.Errorf("check --json printed %q (%v); want a schema_version 1 report of version %q", stdout, err, b.version)
		}
	})
}
