package packaging

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"github.com/signin-doctor/signin-doctor/config"
)

// bundleDirEnv names the folder holding the bundles to inspect.
const bundleDirEnv = "SIGNIN_DOCTOR_BUNDLE_DIR"

// built is one bundle file and the version its name carries.
type built struct {
	file, version string
}

// bundleFile finds the bundle signin-doctor-VERSION-suffix in $SIGNIN_DOCTOR_BUNDLE_DIR.
func bundleFile(t *testing.T, suffix string) built {
	t.Helper()
	dir := os.Getenv(bundleDirEnv)
	if dir == "" {
		t.Skipf("%s is not set: scripts/bundle-test.sh builds the bundles and runs this test on them", bundleDirEnv)
	}
	matches, err := filepath.Glob(filepath.Join(dir, "signin-doctor-*-"+suffix))
	if err != nil || len(matches) != 1 {
		t.Fatalf("want one signin-doctor-*-%s in %s, found %q (%v)", suffix, dir, matches, err)
	}
	name := filepath.Base(matches[0])
	return built{file: matches[0], version: strings.TrimSuffix(strings.TrimPrefix(name, "signin-doctor-"), "-"+suffix)}
}

// bundleRev is the commit the bundles were built from: $SIGNIN_DOCTOR_BUNDLE_REV, which
// scripts/bundle-test.sh sets, or HEAD.
func bundleRev() string {
	if rev := os.Getenv("SIGNIN_DOCTOR_BUNDLE_REV"); rev != "" {
		return rev
	}
	return "HEAD"
}

// git runs git in the repository and returns its trimmed output.
func git(t *testing.T, args ...string) string {
	t.Helper()
	out, err := exec.CommandContext(t.Context(), "git", args...).Output()
	if err != nil {
		t.Fatalf("git %s: %v", strings.Join(args, " "), err)
	}
	return strings.TrimSpace(string(out))
}

// committed returns a file as the bundled commit holds it.
func committed(t *testing.T, path string) []byte {
	t.Helper()
	out, err := exec.CommandContext(t.Context(), "git", "show", bundleRev()+":"+path).Output()
	if err != nil {
		t.Fatalf("git show %s:%s: %v", bundleRev(), path, err)
	}
	return out
}

// checkVersionName asserts the bundle is named after the commit it was built from.
func checkVersionName(t *testing.T, b built) {
	t.Helper()
	if want := git(t, "describe", "--tags", "--always", bundleRev()); b.version != want && b.version != want+"-dirty" {
		t.Errorf("%s: version %q in the name, want %q (git describe of %s)", b.file, b.version, want, bundleRev())
	}
}

// resourceVersion is the numeric version the Windows resources carry: FyneApp.toml's
// Details.Version padded to three parts, then the commit count.
func resourceVersion(t *testing.T) string {
	t.Helper()
	parts, build := appVersion(t)
	return strings.Join(parts, ".") + "." + build
}

// appVersion is the bundled commit's FyneApp.toml Details.Version padded to three parts, and
// the build number the bundles carry with it: the commit count.
func appVersion(t *testing.T) ([]string, string) {
	t.Helper()
	var app struct{ Details struct{ Version string } }
	if _, err := toml.Decode(string(committed(t, "FyneApp.toml")), &app); err != nil {
		t.Fatalf("FyneApp.toml: %v", err)
	}
	parts := strings.Split(app.Details.Version, ".")
	for len(parts) < 3 {
		parts = append(parts, "0")
	}
	return parts, git(t, "rev-list", "--count", bundleRev())
}

// checkConfig asserts the bundle's signin-doctor.toml is the committed example and that the
// app loads it without error.
func checkConfig(t *testing.T, b bundle) {
	t.Helper()
	m := b.file(t, "signin-doctor/signin-doctor.toml")
	if example := committed(t, "assets/signin-doctor.example.toml"); !bytes.Equal(m.data, example) {
		t.Errorf("%s: signin-doctor.toml differs from assets/signin-doctor.example.toml", b.name)
	}
	path := filepath.Join(t.TempDir(), config.FileName)
	if err := os.WriteFile(path, m.data, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("%s: the example configuration does not load: %v", b.name, err)
	}
	if !cfg.Helpdesk.Configured() || len(cfg.Network.AllowedNetworks) == 0 || len(cfg.Clock.NTPServers) == 0 {
		t.Errorf("%s: the example configuration sets no helpdesk, allowed networks or NTP servers: %+v", b.name, cfg)
	}
}

// checkReadme asserts the README for IT is there in Japanese and in English, each telling how
// to configure the app, where the file may live and how a script reads the exit codes.
func checkReadme(t *testing.T, b bundle) {
	t.Helper()
	text := string(b.file(t, "signin-doctor/README-IT.txt").data)
	ja, en, ok := strings.Cut(text, "\n## English\n")
	if !ok || !strings.Contains(ja, "\n## 日本語\n") {
		t.Fatalf("%s: README-IT.txt has no \"## 日本語\" section followed by an \"## English\" one", b.name)
	}
	common := []string{"[helpdesk]", "allowed_networks", "ntp_servers", "endpoints", `%ProgramData%\SigninDoctor\`,
		"/etc/signin-doctor/", "check --json", "Start-Process", "-Wait", ".ExitCode", `start "" /wait`, "%ERRORLEVEL%", "echo $?",
		"msiexec /i", "/qn CONFIG=", "msiexec /x", msiUpgradeCode, "SIGN_PKCS12", "SIGN_PASSWORD_FILE", "SIGN_TIMESTAMP_URL",
		"last-check.json", "| Out-String", "$LASTEXITCODE", "w32tm", "UserChoice", "PAC"}
	tests := []struct {
		lang, section string
		words         []string
	}{
		{"ja", ja, append([]string{"終了コード", "設定ファイルの置き場所", "問題は見つからなかった", "MSI でのインストール",
			"多数の PC で実行する", "Wine では確かめられないこと"}, common...)},
		{"en", en, append([]string{"Exit code", "Where the configuration may live", "nothing found", "Installing with the MSI",
			"Running the check on many machines", "What Wine cannot show"}, common...)},
	}
	for _, tt := range tests {
		for _, w := range tt.words {
			if !strings.Contains(tt.section, w) {
				t.Errorf("%s: README-IT.txt, %s section: %q is missing", b.name, tt.lang, w)
			}
		}
		// The exit codes are a contract: stated once, in one table, each section points to it.
		if n := strings.Count(tt.section, "\n| 0 |"); n != 1 {
			t.Errorf("%s: README-IT.txt, %s section: the exit-code table appears %d times, want once", b.name, tt.lang, n)
		}
	}
}

// checkStripped asserts a binary carries no debug sections: the bundle is built with -s -w.
func checkStripped(t *testing.T, name string, sections []string) {
	t.Helper()
	for _, s := range sections {
		if strings.HasPrefix(s, ".debug") || strings.HasPrefix(s, ".zdebug") || s == ".symtab" {
			t.Errorf("%s: section %s: the binary is not stripped", name, s)
		}
	}
}

// runExit runs cmd and returns its exit code, stdout and stderr.
func runExit(t *testing.T, cmd *exec.Cmd) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return 0, stdout.String(), stderr.String()
	case errors.As(err, &exit):
		return exit.ExitCode(), stdout.String(), stderr.String()
	}
	t.Fatalf("%s: %v", strings.Join(cmd.Args, " "), err)
	return 0, "", ""
}

// command makes a command IT would type, in folder dir, with a home of its own and no display.
func command(ctx context.Context, dir, program string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, program, args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=" + dir, "XDG_CONFIG_HOME=" + filepath.Join(dir, ".config"), "LANG=C.UTF-8"}
	return cmd
}

// pngSize decodes a PNG's dimensions.
func pngSize(data []byte) (int, int, error) {
	c, err := png.DecodeConfig(bytes.NewReader(data))
	return c.Width, c.Height, err
}

// reportHead is the part of the JSON report (schema_version 1) a script reads first.
type reportHead struct {
	SchemaVersion int    `json:"schema_version"`
	Version       string `json:"version"`
}

func decodeReport(out string) (reportHead, error) {
	var r reportHead
	err := json.Unmarshal([]byte(out), &r)
	return r, err
}
