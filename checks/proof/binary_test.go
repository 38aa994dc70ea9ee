package proof

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// mainPackage is the command the CLI rows, the hygiene test and the benchmarks build.
const mainPackage = "github.com/signin-doctor/signin-doctor/cmd/signin-doctor"

// built is the real binary, built once per test process into binDir.
var built struct {
	once sync.Once
	path string
	err  error
}

// binDir holds the binary; TestMain removes it.
var binDir string

func TestMain(m *testing.M) {
	code := m.Run()
	if binDir != "" {
		_ = os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// signinDoctor builds the real binary from this tree the way `make build` does, once, with
// -race when this test process has it (raceBuild).
func signinDoctor(t testing.TB) string {
	t.Helper()
	goTool := peer.Program(t, "go")
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "signin-doctor-proof-")
		if err != nil {
			built.err = err
			return
		}
		binDir = dir
		built.path = filepath.Join(dir, "signin-doctor")
		args := []string{"build", "-o", built.path}
		if raceBuild {
			args = append(args, "-race")
		}
		out, err := exec.Command(goTool, append(args, mainPackage)...).CombinedOutput()
		if err != nil {
			built.err = errors.New(string(out))
		}
	})
	if built.err != nil {
		t.Fatalf("building %s: %v", mainPackage, built.err)
	}
	return built.path
}

// sandbox is a fresh home for one run of the binary: every folder a program may write to by
// convention (home, XDG config, cache, data and state, temp) lies under Root.
type sandbox struct {
	Root string
	Env  []string
}

// newSandbox makes the folders and a configuration that keeps every check on loopback, where
// nothing answers: the totp command measures the clock with it.
func newSandbox(t testing.TB) sandbox {
	t.Helper()
	sb := emptyHome(t)
	conf := "[network]\n" +
		"ip_echo_urls = [\"https://" + closedPort(t, "tcp") + "/\"]\n" +
		"endpoints = [\"https://" + closedPort(t, "tcp") + "/\"]\n" +
		"captive_portal_url = \"http://" + closedPort(t, "tcp") + "/generate_204\"\n" +
		"[clock]\nntp_servers = [\"" + closedPort(t, "udp") + "\"]\n"
	writeFile(t, filepath.Join(sb.Root, "config", "signin-doctor", "signin-doctor.toml"), conf)
	return sb
}

// emptyHome makes the folders only: the binary finds no configuration there and uses its
// embedded defaults (the Internet's hosts), for runs inside a network namespace.
func emptyHome(t testing.TB) sandbox {
	t.Helper()
	root := t.TempDir()
	vars := map[string]string{
		"HOME": "home", "XDG_CONFIG_HOME": "config", "XDG_CACHE_HOME": "cache",
		"XDG_DATA_HOME": "data", "XDG_STATE_HOME": "state", "TMPDIR": "tmp",
	}
	env := []string{"PATH=" + os.Getenv("PATH"), "LANG=C.UTF-8"}
	for name, dir := range vars {
		if err := os.MkdirAll(filepath.Join(root, dir), 0o700); err != nil {
			t.Fatal(err)
		}
		env = append(env, name+"="+filepath.Join(root, dir))
	}
	return sandbox{Root: root, Env: env}
}

func writeFile(t testing.TB, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// cliRun is what one run of the binary did.
type cliRun struct {
	Code           int
	Stdout, Stderr string
	Elapsed        time.Duration
}

// runCLI runs the binary with args in sb, stdin given, and returns what it did. It fails t
// when the binary has not ended after limit.
func runCLI(t testing.TB, sb sandbox, limit time.Duration, stdin string, args ...string) cliRun {
	t.Helper()
	bin := signinDoctor(t) // built before the clock starts: the first row may wait for the build
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env, cmd.Dir = sb.Env, sb.Root
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := cliRun{Stdout: stdout.String(), Stderr: stderr.String(), Elapsed: time.Since(start)}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		t.Fatalf("signin-doctor %s did not end within %v; stderr:\n%s", strings.Join(args, " "), limit, r.Stderr)
	case errors.As(err, &exit):
		r.Code = exit.ExitCode()
	case err != nil:
		t.Fatalf("running signin-doctor: %v", err)
	}
	return r
}
