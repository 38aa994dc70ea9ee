package packaging

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"image/png"
	"testing"
)

// TestWindowsBundle opens the .zip as IT would: a 64-bit GUI executable (PE32+, subsystem 2, so
// a double-click opens no console window) with the icon Explorer shows and the version its
// Details tab shows, stamped with the bundle's version; the example configuration beside it;
// and the README.
func TestWindowsBundle(t *testing.T) {
	b := bundleFile(t, "windows-amd64.zip")
	checkVersionName(t, b)
	zb := readZip(t, b.file)
	exe := zb.file(t, "signin-doctor/signin-doctor.exe").data

	f, err := pe.NewFile(bytes.NewReader(exe))
	if err != nil {
		t.Fatalf("signin-doctor.exe is not a PE file: %v", err)
	}
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want AMD64 (%#x)", f.Machine, pe.IMAGE_FILE_MACHINE_AMD64)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("optional header %T, want PE32+", f.OptionalHeader)
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want %d (GUI: no console window)", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	var sections []string
	for _, s := range f.Sections {
		sections = append(sections, s.Name)
	}
	checkStripped(t, "signin-doctor.exe", sections)
	if !bytes.Contains(exe, []byte(b.version)) {
		t.Errorf("signin-doctor.exe does not hold the version %q (-X main.version)", b.version)
	}

	res, err := peResources(f)
	if err != nil {
		t.Fatalf("signin-doctor.exe resources: %v", err)
	}
	checkIcon(t, res)
	if !hasManifest(res) {
		t.Error("no application manifest (RT_MANIFEST) resource")
	}
	checkVersionResource(t, res, resourceVersion(t))

	checkConfig(t, zb)
	checkReadme(t, zb)
}

// checkIcon asserts the icon group Explorer shows names icons that are there, one of them at
// least 48 px, each a PNG or a DIB.
func checkIcon(t *testing.T, res []resource) {
	t.Helper()
	icons := map[uint32][]byte{}
	var groups [][]byte
	for _, r := range res {
		switch r.typ {
		case rtIcon:
			icons[r.id] = r.data
		case rtGroupIcon:
			groups = append(groups, r.data)
		}
	}
	if len(groups) == 0 {
		t.Fatal("no icon group (RT_GROUP_ICON) resource: Explorer would show a blank icon")
	}
	g := groups[0]
	if len(g) < 6 || binary.LittleEndian.Uint16(g[2:]) != 1 {
		t.Fatalf("the icon group is not a GRPICONDIR: % x", g[:min(len(g), 6)])
	}
	n := int(binary.LittleEndian.Uint16(g[4:]))
	largest := 0
	for i := range n {
		e := g[6+14*i:]
		if len(e) < 14 {
			t.Fatalf("the icon group's entry %d is cut short", i)
		}
		size := int(e[0])
		if size == 0 {
			size = 256
		}
		id := uint32(binary.LittleEndian.Uint16(e[12:]))
		data, ok := icons[id]
		if !ok {
			t.Errorf("the icon group names icon %d, which is not there", id)
			continue
		}
		isDIB := len(data) >= 4 && binary.LittleEndian.Uint32(data) == 40
		if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil && !isDIB {
			t.Errorf("icon %d is neither PNG (%v) nor a DIB", id, err)
		}
		largest = max(largest, size)
	}
	if largest < 48 {
		t.Errorf("the largest icon is %d px, want 48 px or more", largest)
	}
	t.Logf("icon group: %d icons, the largest %d px", n, largest)
}

// hasManifest reports whether the executable carries the application manifest fyne package
// writes (the program's name and version as Windows' side-by-side identity).
func hasManifest(res []resource) bool {
	for _, r := range res {
		if r.typ == rtManifest && bytes.Contains(r.data, []byte("<assembly")) {
			return true
		}
	}
	return false
}

// checkVersionResource asserts the version Explorer's Details tab shows.
func checkVersionResource(t *testing.T, res []resource, want string) {
	t.Helper()
	for _, r := range res {
		if r.typ != rtVersion {
			continue
		}
		got, err := fixedFileVersion(r.data)
		if err != nil || got != want {
			t.Errorf("file version %q (%v), want %q", got, err, want)
		}
		t.Logf("file version %s", got)
		for key, want := range map[string]string{"ProductName": "Sign-in Doctor", "ProductVersion": want} {
			if got, ok := versionString(r.data, key); got != want {
				t.Errorf("version string %s = %q (found: %v), want %q", key, got, ok, want)
			}
		}
		return
	}
	t.Error("no version (RT_VERSION) resource: Explorer's Details tab would be empty")
}
