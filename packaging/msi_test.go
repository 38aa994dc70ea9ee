package packaging

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/packaging/internal/wine"
)

// msiUpgradeCode is the UpgradeCode of every Sign-in Doctor MSI (packaging/windows/signin-doctor.wxs).
// It never changes: a newer package finds the installed one by it and replaces it, and IT's
// deployment tools and detection rules may name it.
const msiUpgradeCode = "{2A57A0D1-DCC0-4641-8FFA-5AF5726FB499}"

// Where the MSI puts things, on the prefix's C: drive, and where Windows Installer registers
// an installed product.
const (
	msiExe          = installDir + `\signin-doctor.exe`
	msiConfig       = `C:\ProgramData\SigninDoctor\signin-doctor.toml`
	msiUninstallKey = `HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\`
)

// msiShortcutPlaces are where the Start-menu shortcut may be: the all-users Start menu, where
// Windows puts a per-machine package's, or the user's, where Wine 8.0 puts every package's
// (its msi.dll sets ProgramMenuFolder to the user's folder whatever ALLUSERS says).
var msiShortcutPlaces = []string{
	`C:\ProgramData\Microsoft\Windows\Start Menu\Programs\Sign-in Doctor.lnk`,
	`C:\users\*\AppData\Roaming\Microsoft\Windows\Start Menu\Programs\Sign-in Doctor.lnk`,
}

// msiITConfig is the configuration the test installs as IT's: every address a check would reach
// is a closed port on this machine's loopback, so nothing leaves it, and the browsers check is
// disabled, which the report shows.
const msiITConfig = `# IT's configuration, as the MSI test installs it: nothing here reaches the Internet.
[helpdesk]
name = "MSI test helpdesk"
[network]
ip_echo_urls = ["https://127.0.0.1:9/"]
endpoints = ["https://127.0.0.1:9/installed-by-the-msi"]
captive_portal_url = "http://127.0.0.1:9/generate_204"
[clock]
ntp_servers = ["127.0.0.1:9"]
[checks]
disabled = ["browsers"]
`

// TestWindowsMSI reads the .msi as IT's tools do (msiinfo: the product, its version, the
// upgrade code, a per-machine 64-bit package), then, in a throwaway Wine prefix, installs it
// as IT would, silently with IT's configuration (msiexec /i … /qn CONFIG=FILE): the zip's own
// .exe lands in Program Files with the README and a Start-menu shortcut, the configuration in
// %ProgramData%\SigninDoctor\, and the installed program's `check --json` reads it from there.
// A newer package built from the same .wxs replaces the installed one and keeps IT's file;
// msiexec /x removes the program and the shortcut and leaves IT's file.
func TestWindowsMSI(t *testing.T) {
	b := bundleFile(t, "windows-amd64.msi")
	checkVersionName(t, b)
	installed := checkMSI(t, b.file, msiVersion(t, 0))
	zb := readZip(t, bundleFile(t, "windows-amd64.zip").file)
	exe := zb.file(t, "signin-doctor/signin-doctor.exe").data
	itFile := writeMSIConfig(t)
	prefix := wine.NewPrefix(t, wine.Xvfb(t))

	if !t.Run("install", func(t *testing.T) {
		prefix.Msiexec(t, "/i", wine.ZPath(b.file), "/qn", "CONFIG="+wine.ZPath(itFile))
		checkMSIInstalled(t, prefix, exe)
		checkMSIConfig(t, prefix)
		checkMSIRegistered(t, prefix, installed)
	}) {
		return
	}
	t.Run("check", func(t *testing.T) { checkMSIRun(t, prefix, b.version) })

	var newer map[string]string
	newerFile := filepath.Join(t.TempDir(), "signin-doctor-newer-windows-amd64.msi") // msiexec /x needs it too
	if !t.Run("upgrade", func(t *testing.T) {
		buildMSI(t, zb, msiVersion(t, 1), newerFile)
		newer = checkMSI(t, newerFile, msiVersion(t, 1))
		if newer["ProductCode"] == installed["ProductCode"] {
			t.Fatalf("the newer package has the installed one's ProductCode %s", newer["ProductCode"])
		}
		prefix.Msiexec(t, "/i", wine.ZPath(newerFile), "/qn")
		if v, ok := msiRegisteredVersion(t, prefix, installed["ProductCode"]); ok {
			t.Errorf("the older product (%s) is still installed beside the newer", v)
		}
		checkMSIRegistered(t, prefix, newer)
		checkMSIInstalled(t, prefix, exe)
		checkMSIConfig(t, prefix) // an upgrade that names no CONFIG keeps IT's file
	}) {
		return
	}

	t.Run("uninstall", func(t *testing.T) {
		prefix.Msiexec(t, "/x", wine.ZPath(newerFile), "/qn")
		for _, gone := range []string{msiExe, installDir} {
			if _, err := os.Stat(prefix.Host(gone)); err == nil {
				t.Errorf("%s is still there after msiexec /x", gone)
			}
		}
		if places := msiShortcuts(t, prefix); len(places) > 0 {
			t.Errorf("the Start-menu shortcut is still there after msiexec /x: %s", places)
		}
		if v, ok := msiRegisteredVersion(t, prefix, newer["ProductCode"]); ok {
			t.Errorf("the product (%s) is still registered after msiexec /x", v)
		}
		checkMSIConfig(t, prefix) // IT's file, copied, is not the package's to remove
	})
}

// msiVersion is the ProductVersion scripts/bundle.sh gives the bundled commit's MSI (FyneApp's
// major.minor, then the commit count, Windows Installer's major.minor.build), with later
// builds added.
func msiVersion(t *testing.T, later int) string {
	t.Helper()
	parts, build := appVersion(t)
	major, err1 := strconv.Atoi(parts[0])
	minor, err2 := strconv.Atoi(parts[1])
	n, err3 := strconv.Atoi(build)
	if err1 != nil || err2 != nil || err3 != nil {
		t.Fatalf("FyneApp.toml's version %q and build %q are not numbers", strings.Join(parts, "."), build)
	}
	return fmt.Sprintf("%d.%d.%d", major, minor, n+later)
}

// checkMSI reads the package's Property table and summary as msiinfo shows them and checks
// what IT's tools rely on; it returns the properties.
func checkMSI(t *testing.T, file, version string) map[string]string {
	t.Helper()
	msiinfo := wine.Program(t, "msiinfo", "msitools")
	out := outputOf(t, exec.CommandContext(t.Context(), msiinfo, "export", file, "Property"))
	props := map[string]string{}
	for _, line := range strings.Split(out, "\n") {
		if k, v, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t"); ok {
			props[k] = v
		}
	}
	want := map[string]string{"ProductName": "Sign-in Doctor", "Manufacturer": "Sign-in Doctor", "ProductVersion": version, "ALLUSERS": "1"}
	for k, v := range want {
		if props[k] != v {
			t.Errorf("%s: property %s = %q, want %q", filepath.Base(file), k, props[k], v)
		}
	}
	if !strings.EqualFold(props["UpgradeCode"], msiUpgradeCode) {
		t.Errorf("%s: UpgradeCode %q, want %s: it must never change", filepath.Base(file), props["UpgradeCode"], msiUpgradeCode)
	}
	if !strings.Contains(";"+props["SecureCustomProperties"]+";", ";CONFIG;") {
		t.Errorf("%s: SecureCustomProperties %q lacks CONFIG: a per-machine install would drop it", filepath.Base(file), props["SecureCustomProperties"])
	}
	summary := outputOf(t, exec.CommandContext(t.Context(), msiinfo, "suminfo", file))
	if !strings.Contains(summary, "Template: x64;") {
		t.Errorf("%s: not a 64-bit package (want Template: x64;…):\n%s", filepath.Base(file), summary)
	}
	return props
}

// writeMSIConfig writes msiITConfig where IT keeps its file, and makes sure the app accepts it.
func writeMSIConfig(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(path, []byte(msiITConfig), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Load(path); err != nil {
		t.Fatalf("the test's configuration does not load: %v", err)
	}
	return path
}

// buildMSI builds the package out, of version, from the bundled commit's .wxs and the zip's
// files with scripts/msi.sh, as scripts/bundle.sh does.
func buildMSI(t *testing.T, zb bundle, version, out string) {
	t.Helper()
	wine.Program(t, "wixl", "wixl")
	wine.Program(t, "msibuild", "msitools")
	dir := t.TempDir()
	files := map[string][]byte{
		"signin-doctor.wxs":          committed(t, "packaging/windows/signin-doctor.wxs"),
		"signin-doctor.exe":          zb.file(t, "signin-doctor/signin-doctor.exe").data,
		"README-IT.txt":              zb.file(t, "signin-doctor/README-IT.txt").data,
		"signin-doctor.example.toml": committed(t, "assets/signin-doctor.example.toml"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	started := time.Now()
	outputOf(t, exec.CommandContext(ctx, "../scripts/msi.sh", filepath.Join(dir, "signin-doctor.wxs"), version,
		filepath.Join(dir, "signin-doctor.exe"), filepath.Join(dir, "README-IT.txt"), filepath.Join(dir, "signin-doctor.example.toml"), out))
	t.Logf("scripts/msi.sh built ProductVersion %s in %s", version, time.Since(started).Round(time.Millisecond))
}

// checkMSIInstalled asserts the program is in Program Files — the zip's own .exe, byte for byte —
// with the README and the example, without a configuration beside it (which would come before
// IT's), and that the Start-menu shortcut points at it.
func checkMSIInstalled(t *testing.T, prefix *wine.Prefix, exe []byte) {
	t.Helper()
	got, err := os.ReadFile(prefix.Host(msiExe))
	if err != nil {
		t.Fatalf("the program is not installed: %v", err)
	}
	if !bytes.Equal(got, exe) {
		t.Errorf("%s differs from the zip's signin-doctor.exe (%d bytes, want %d)", msiExe, len(got), len(exe))
	}
	for _, name := range []string{"README-IT.txt", "signin-doctor.example.toml"} {
		if _, err := os.Stat(prefix.Host(installDir + `\` + name)); err != nil {
			t.Errorf("%s is not installed: %v", name, err)
		}
	}
	if _, err := os.Stat(prefix.Host(installDir + `\` + config.FileName)); err == nil {
		t.Errorf("a %s beside the installed .exe would come before IT's in %%ProgramData%%", config.FileName)
	}
	places := msiShortcuts(t, prefix)
	if len(places) != 1 {
		t.Fatalf("want one Start-menu shortcut in %s, found %q", msiShortcutPlaces, places)
	}
	lnk, err := os.ReadFile(places[0])
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(lnk, []byte("signin-doctor.exe")) && !bytes.Contains(lnk, lnkUTF16("signin-doctor.exe")) {
		t.Errorf("the shortcut %s does not point at signin-doctor.exe", places[0])
	}
	t.Logf("Start-menu shortcut: %s", strings.TrimPrefix(places[0], prefix.Drive))
}

// msiShortcuts returns the host paths of the Start-menu msiShortcuts there are.
func msiShortcuts(t *testing.T, prefix *wine.Prefix) []string {
	t.Helper()
	var found []string
	for _, p := range msiShortcutPlaces {
		m, err := filepath.Glob(prefix.Host(p))
		if err != nil {
			t.Fatal(err)
		}
		found = append(found, m...)
	}
	return found
}

// checkMSIConfig asserts IT's file is in %ProgramData%\SigninDoctor\, unchanged.
func checkMSIConfig(t *testing.T, prefix *wine.Prefix) {
	t.Helper()
	got, err := os.ReadFile(prefix.Host(msiConfig))
	if err != nil || string(got) != msiITConfig {
		t.Errorf("%s: %v; want IT's file, unchanged; it holds:\n%s", msiConfig, err, got)
	}
}

// checkMSIRegistered asserts Windows Installer lists the product, as Apps & features does.
func checkMSIRegistered(t *testing.T, prefix *wine.Prefix, props map[string]string) {
	t.Helper()
	if v, ok := msiRegisteredVersion(t, prefix, props["ProductCode"]); !ok || v != props["ProductVersion"] {
		t.Errorf("%s%s: DisplayVersion %q (registered: %v), want %s", msiUninstallKey, props["ProductCode"], v, ok, props["ProductVersion"])
	}
}

// msiRegisteredVersion reads the DisplayVersion Windows Installer registered for productCode.
func msiRegisteredVersion(t *testing.T, prefix *wine.Prefix, productCode string) (string, bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	code, stdout, _ := runExit(t, prefix.Command(ctx, "C.UTF-8", "reg", []string{"query", msiUninstallKey + productCode, "/v", "DisplayVersion"}))
	if code != 0 {
		return "", false
	}
	for _, line := range strings.Split(stdout, "\n") {
		if f := strings.Fields(line); len(f) == 3 && f[0] == "DisplayVersion" {
			return f[2], true
		}
	}
	t.Fatalf("reg query %s%s: no DisplayVersion in:\n%s", msiUninstallKey, productCode, stdout)
	return "", false
}

// checkMSIRun runs the installed program's `check --json` as a script would, and asserts
// it read IT's file from %ProgramData%: the report names that file, the browsers check is
// disabled, and none of the built-in endpoints (Zoho's) is probed.
func checkMSIRun(t *testing.T, prefix *wine.Prefix, version string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	code, stdout, stderr := runExit(t, prefix.Command(ctx, "C.UTF-8", msiExe, []string{"check", "--json"}, wine.NoMenus))
	if code != 0 && code != 1 {
		t.Fatalf("check --json: exit %d, want 0 or 1\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	var r struct {
		reportHead
		Config string
		Checks []struct{ ID, Status, Summary string }
	}
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatalf("check --json: not JSON (%v):\n%s", err, stdout)
	}
	if r.SchemaVersion != 1 || r.Version != version {
		t.Errorf("check --json: schema_version %d, version %q; want 1 and %q", r.SchemaVersion, r.Version, version)
	}
	if !strings.EqualFold(r.Config, msiConfig) {
		t.Errorf("check --json: config %q, want IT's file %s", r.Config, msiConfig)
	}
	var skipped []string
	for _, c := range r.Checks {
		t.Logf("%-12s %-8s %s", c.ID, c.Status, c.Summary)
		if c.Status == "skipped" && c.Summary == "disabled by configuration" {
			skipped = append(skipped, c.ID)
		}
	}
	if strings.Join(skipped, ",") != "browsers" {
		t.Errorf("checks disabled by configuration: %q, want browsers alone (IT's file disables it)", skipped)
	}
	if strings.Contains(stdout, "zoho.com") {
		t.Errorf("the report names the built-in endpoints (zoho.com): IT's file was not read:\n%s", stdout)
	}
}

// lnkUTF16 encodes s as a .lnk stores its Unicode strings.
func lnkUTF16(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// outputOf runs cmd and returns its standard output, failing t when it does not end with 0.
func outputOf(t *testing.T, cmd *exec.Cmd) string {
	t.Helper()
	code, stdout, stderr := runExit(t, cmd)
	if code != 0 {
		t.Fatalf("%s: exit %d\n%s%s", strings.Join(cmd.Args, " "), code, stdout, stderr)
	}
	return stdout
}
