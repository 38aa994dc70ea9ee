package wine

import (
	"context"
	_ "embed"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Go's Windows runtime (Go ≥ 1.24) takes its random bytes from ProcessPrng in
// bcryptprimitives.dll, which Wine 8.0 (Debian 12) does not have: every Go program dies at
// start with "bcryptprimitives.dll not found". The shim is a DLL of that name exporting
// ProcessPrng over Wine's own RtlGenRandom, built with mingw-w64 for each prefix. It lives in
// the test prefixes only; nothing shipped carries it. Go loads system DLLs from system32
// alone, so a copy beside the .exe would not be found.

//go:embed shim/bcryptprimitives.c
var shimSource []byte

//go:embed shim/bcryptprimitives.def
var shimExports []byte

// installShim builds the shim into system32 (the host path of C:\windows\system32), unless
// this Wine has a bcryptprimitives.dll of its own (Wine 9 and later).
func installShim(t testing.TB, system32 string) {
	t.Helper()
	dll := filepath.Join(system32, "bcryptprimitives.dll")
	if _, err := os.Stat(dll); err == nil {
		return
	}
	cc := Program(t, "x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64-win32")
	dir := t.TempDir()
	src, def := filepath.Join(dir, "bcryptprimitives.c"), filepath.Join(dir, "bcryptprimitives.def")
	for path, data := range map[string][]byte{src: shimSource, def: shimExports} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	build := exec.CommandContext(ctx, cc, "-O2", "-shared", "-o", dll, src, def, "-ladvapi32")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the ProcessPrng shim: %v\n%s", err, out)
	}
}
