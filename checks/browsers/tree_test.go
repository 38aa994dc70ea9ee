package browsers

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
)

// desktopFile returns a desktop entry from testdata/desktop, as a browser package installs it.
func desktopFile(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "desktop", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// writeTree makes a directory tree that stands for "/" and returns its path. Keys are paths
// from the root; a value starting with "#!" is written executable; a key ending in "/" is an
// empty directory.
func writeTree(t testing.TB, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		mode := os.FileMode(0o644)
		if strings.HasPrefix(content, "#!") {
			mode = 0o755
		}
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// homeEnv is a session with only HOME and PATH set, so every XDG directory takes its default.
func homeEnv(extra ...string) map[string]string {
	env := map[string]string{"HOME": "/home/u", "PATH": "/usr/bin:/bin"}
	for i := 0; i+1 < len(extra); i += 2 {
		env[extra[i]] = extra[i+1]
	}
	return env
}

// byID indexes browsers by id for assertions.
func byID(list []Browser) map[string]Browser {
	out := map[string]Browser{}
	for _, b := range list {
		out[b.ID] = b
	}
	return out
}

// ids lists the browsers' ids in order.
func ids(list []Browser) []string {
	out := make([]string, 0, len(list))
	for _, b := range list {
		out = append(out, b.ID)
	}
	return out
}

// assertVerdict checks the status an inventory leads to and its one finding's params.
func assertVerdict(t *testing.T, inv Inventory, status checks.Status, params map[string]string) {
	t.Helper()
	res := verdict(inv)
	if res.Status != status {
		t.Errorf("status = %s (%s), want %s", res.Status, res.Summary, status)
	}
	for k, v := range params {
		if len(res.Findings) != 1 || res.Findings[0].Params[k] != v {
			t.Errorf("findings = %+v, want %s=%q", res.Findings, k, v)
		}
	}
}
