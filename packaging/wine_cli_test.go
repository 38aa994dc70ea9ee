package packaging

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
	"github.com/signin-doctor/signin-doctor/packaging/internal/wine"
)

// cliBound is how long one command of the Windows build may take under Wine: the checks'
// budget is 5 s, and Wine's process start adds 1–2 s.
const cliBound = 60 * time.Second

// Where IT's configuration may live on Windows, as the program names it.
const (
	besideExe   = installDir + `\signin-doctor.toml`
	programData = `C:\ProgramData\SigninDoctor\signin-doctor.toml`
)

// TestWindowsCommandLineUnderWine runs the Windows bundle's signin-doctor.exe as IT's scripts
// do, under Wine, in a prefix of its own: the version; `check --json` with IT's configuration
// beside the .exe and in %ProgramData%\SigninDoctor (and a bad one in each place: exit 2 with
// file, line and key); `totp` with the secret on standard input; the browsers check against
// the registry as real installs leave it (written with `wine reg add`); and the system proxy
// from the user's Internet Settings, through a real forward proxy (tinyproxy).
//
// Every address the program is given is this machine's: a portal answering 204 on its LAN
// address (not loopback, which is never proxied), closed ports for the rest. Nothing leaves it.
func TestWindowsCommandLineUnderWine(t *testing.T) {
	b := bundleFile(t, "windows-amd64.zip")
	zb := readZip(t, b.file)
	prefix := wine.NewPrefix(t, wine.Xvfb(t))
	dir := prefix.Install(t, installDir, map[string][]byte{
		"signin-doctor.exe": zb.file(t, "signin-doctor/signin-doctor.exe").data,
	})
	w := winCLI{prefix: prefix, exe: filepath.Join(dir, "signin-doctor.exe")}
	lan := lanAddress(t)
	portal := startPortal(t, lan)
	sandbox := sandboxConfig(t, lan, portal)

	t.Run("version", func(t *testing.T) {
		r := w.run(t, "", "version")
		if want := "signin-doctor " + b.version; r.code != 0 || strings.TrimSpace(r.stdout) != want {
			t.Errorf("version: exit %d, %q, want 0 and %q; stderr %q", r.code, r.stdout, want, r.stderr)
		}
	})

	t.Run("check --json with the configuration beside the exe", func(t *testing.T) {
		w.place(t, besideExe, sandbox)
		w.place(t, programData, "")
		rep := w.check(t)
		if rep.Config != besideExe {
			t.Errorf("config %q, want %q", rep.Config, besideExe)
		}
		if rep.Version != b.version {
			t.Errorf("version %q, want %q", rep.Version, b.version)
		}
		// Under Wine 8 every UDP socket fails (WSAEOPNOTSUPP): the route lookup says nothing,
		// and the portal on the LAN, which answers 204, must make it online — never offline.
		conn := rep.result(t, "connectivity")
		if conn.Status != "ok" || conn.Details["online"] != true {
			t.Errorf("connectivity: %s %q, want ok and online: %v", conn.Status, conn.Summary, conn.Details)
		}
		if rep.hasFinding("offline") {
			t.Errorf("findings %v: offline, while the portal answered", rep.Findings)
		}
		// Wine has no W32Time service and no w32tm: the check must say it cannot tell.
		if ts := rep.result(t, "timesync"); ts.Status != "unknown" {
			t.Errorf("timesync: %s %q, want unknown under Wine (no W32Time)", ts.Status, ts.Summary)
		} else {
			t.Logf("timesync under Wine: %s (%v)", ts.Summary, ts.Details["error"])
		}
		// No time source answers (closed ports; Wine's UDP sockets fail): unknown, not ok.
		if c := rep.result(t, "clock"); c.Status != "unknown" {
			t.Errorf("clock: %s %q, want unknown with no time source", c.Status, c.Summary)
		}
	})

	t.Run("a bad configuration beside the exe exits 2 naming file, line and key", func(t *testing.T) {
		w.place(t, besideExe, "[clock]\n\nwarn_seconds = \"ten\"\n")
		w.place(t, programData, "")
		w.wantBadConfig(t, besideExe+":3", "clock.warn_seconds")
	})

	t.Run("a bad configuration in ProgramData exits 2 naming file, line and key", func(t *testing.T) {
		w.place(t, besideExe, "")
		w.place(t, programData, "[network]\nip_echo_url = [\"https://x.test\"]\n")
		w.wantBadConfig(t, programData+":2", "ip_echo_url")
	})

	t.Run("check --json with the configuration in ProgramData", func(t *testing.T) {
		w.place(t, besideExe, "")
		w.place(t, programData, sandbox)
		if rep := w.check(t, "--only", "connectivity"); rep.Config != programData {
			t.Errorf("config %q, want %q", rep.Config, programData)
		}
	})

	t.Run("totp reads the secret on standard input", func(t *testing.T) {
		w.place(t, besideExe, sandbox)
		w.totp(t)
	})

	t.Run("browsers from the registry", func(t *testing.T) {
		w.place(t, besideExe, sandbox)
		w.browsers(t)
	})

	t.Run("the proxy from Internet Settings", func(t *testing.T) {
		w.place(t, besideExe, sandbox)
		w.proxy(t, lan)
	})
}

// winCLI runs the installed signin-doctor.exe in its prefix.
type winCLI struct {
	prefix *wine.Prefix
	exe    string
}

// cliResult is what one run did.
type cliResult struct {
	code           int
	stdout, stderr string
}

// run runs the program with args and stdin, in Japanese Windows' locale (the users'), and
// returns what it did.
func (w winCLI) run(t *testing.T, stdin string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), cliBound)
	defer cancel()
	cmd := w.prefix.Command(ctx, "ja_JP.UTF-8", w.exe, args)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("signin-doctor.exe %s: still running after %s; stderr:\n%s", strings.Join(args, " "), cliBound, stderr.String())
	}
	return cliResult{code: exitStatus(t, err), stdout: stdout.String(), stderr: stderr.String()}
}

// place writes a configuration file at a Windows path, or removes it when content is "".
func (w winCLI) place(t *testing.T, windowsPath, content string) {
	t.Helper()
	host := w.prefix.Host(windowsPath)
	if content == "" {
		if err := os.Remove(host); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		return
	}
	if err := os.MkdirAll(filepath.Dir(host), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(host, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// winReport is the part of the JSON report (schema v1) these tests read.
type winReport struct {
	SchemaVersion int        `json:"schema_version"`
	Version       string     `json:"version"`
	Config        string     `json:"config"`
	Checks        []winCheck `json:"checks"`
	Findings      []struct {
		ID     string            `json:"id"`
		Check  string            `json:"check"`
		Params map[string]string `json:"params"`
	} `json:"findings"`
}

// winCheck is one check's result in the report.
type winCheck struct {
	ID      string         `json:"id"`
	Status  string         `json:"status"`
	Summary string         `json:"summary"`
	Details map[string]any `json:"details"`
}

func (r winReport) result(t *testing.T, id string) winCheck {
	t.Helper()
	for _, c := range r.Checks {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("the report has no %s check", id)
	return winCheck{}
}

func (r winReport) hasFinding(id string) bool {
	for _, f := range r.Findings {
		if f.ID == id {
			return true
		}
	}
	return false
}

// check runs `check --json` with extra arguments and returns its report, which must be
// schema v1 with exit status 0 or 1.
func (w winCLI) check(t *testing.T, args ...string) winReport {
	t.Helper()
	r := w.run(t, "", append([]string{"check", "--json"}, args...)...)
	if r.code != 0 && r.code != 1 {
		t.Fatalf("check --json: exit %d, want 0 or 1; stderr:\n%s", r.code, r.stderr)
	}
	var rep winReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.SchemaVersion != 1 {
		t.Fatalf("check --json printed no schema v1 report (%v):\n%s", err, r.stdout)
	}
	return rep
}

// wantBadConfig runs `check --json` and wants exit 2, nothing on standard output, and standard
// error naming every one of says.
func (w winCLI) wantBadConfig(t *testing.T, says ...string) {
	t.Helper()
	r := w.run(t, "", "check", "--json")
	if r.code != 2 || r.stdout != "" {
		t.Errorf("exit %d with stdout %q, want 2 and nothing", r.code, r.stdout)
	}
	for _, s := range says {
		if !strings.Contains(r.stderr, s) {
			t.Errorf("standard error does not name %q:\n%s", s, r.stderr)
		}
	}
}

// lanAddress is this machine's first IPv4 address that is not loopback or link-local: where
// the test's servers listen so that the program's requests to them may go through a proxy.
func lanAddress(t *testing.T) string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && n.IP.IsGlobalUnicast() {
			return n.IP.String()
		}
	}
	wine.Missing(t, "this machine has no IPv4 address besides loopback")
	return ""
}

// startPortal serves the captive-portal probe on host: 204, as the Internet answers it. It
// returns the server's address and counts its requests.
func startPortal(t *testing.T, host string) string {
	t.Helper()
	ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/generate_204" {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		http.NotFound(w, r)
	}), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return ln.Addr().String()
}

// closedPort returns host:port with nothing listening on it.
func closedPort(t *testing.T, network, host string) string {
	t.Helper()
	var addr string
	switch network {
	case "udp":
		c, err := net.ListenPacket("udp", net.JoinHostPort(host, "0"))
		if err != nil {
			t.Fatal(err)
		}
		addr = c.LocalAddr().String()
		c.Close()
	default:
		ln, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
		if err != nil {
			t.Fatal(err)
		}
		addr = ln.Addr().String()
		ln.Close()
	}
	return addr
}

// sandboxConfig is IT's configuration for these runs: the portal on the LAN, and closed ports
// on the LAN for the sign-in host, the IP echo and the time server.
func sandboxConfig(t *testing.T, lan, portal string) string {
	t.Helper()
	return fmt.Sprintf(`[network]
ip_echo_urls = ["https://%s/"]
endpoints = ["https://%s/"]
captive_portal_url = "http://%s/generate_204"
[clock]
ntp_servers = [%q]
`, closedPort(t, "tcp", lan), closedPort(t, "tcp", lan), portal, closedPort(t, "udp", lan))
}

// totp gives the program a throwaway key on standard input and the code a phone two steps
// (60 s) behind shows, computed by oathtool (totptest.Phone), and wants it found two steps back.
func (w winCLI) totp(t *testing.T) {
	key := throwawayBase32(t)
	phone := totptest.NewPhone(t, "otpauth://totp/test?secret="+key, -60*time.Second)
	// Not in the last seconds of a step: the program must compute the same step as oathtool.
	if left := 30 - time.Now().Unix()%30; left < 8 {
		time.Sleep(time.Duration(left+1) * time.Second)
	}
	code := phone.Shows(time.Now())
	r := w.run(t, key+"\n", "totp", "--code", code, "--json")
	if r.code != 0 && r.code != 1 {
		t.Fatalf("totp: exit %d; stderr:\n%s", r.code, r.stderr)
	}
	var got struct {
		SchemaVersion int    `json:"schema_version"`
		Match         string `json:"match"`
		Steps         *int   `json:"steps"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || got.SchemaVersion != 1 {
		t.Fatalf("totp --json printed no schema v1 answer (%v):\n%s", err, r.stdout)
	}
	if got.Match != "other-step" || got.Steps == nil || *got.Steps != -2 {
		t.Errorf("totp: match %q steps %v, want other-step -2 (the phone 60 s behind)", got.Match, got.Steps)
	}
	if strings.Contains(r.stdout+r.stderr, key) {
		t.Error("the program's output holds the secret")
	}
}

// throwawayBase32 is a random 20-byte key, as base32, for one test.
func throwawayBase32(t *testing.T) string {
	t.Helper()
	raw := make([]byte, 20)
	if _, err := rand.Read(raw); err != nil {
		t.Fatal(err)
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(raw)
}
