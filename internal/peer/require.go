package peer

import (
	"os"
	"os/exec"
	"testing"
)

// RequireEnv is the environment variable that turns a missing peer from a skip into a failure.
const RequireEnv = "SIGNIN_DOCTOR_REQUIRE_PEERS"

// Missing skips or fails t, as the package doc says, because of why: what this machine lacks.
func Missing(t testing.TB, why string) {
	t.Helper()
	if os.Getenv(RequireEnv) != "" {
		t.Fatalf("%s (%s is set: make deps installs what the tests need)", why, RequireEnv)
	}
	t.Skipf("%s; skipped (set %s to make this a failure)", why, RequireEnv)
}

// Program returns the path of the named program, or skips or fails t when it is missing.
func Program(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		Missing(t, "the test peer "+name+" is not installed")
	}
	return path
}

// Root skips or fails t unless the test runs as root, which network namespaces need.
func Root(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		Missing(t, "the test needs root for network namespaces")
	}
}
