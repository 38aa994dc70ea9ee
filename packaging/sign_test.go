package packaging

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/packaging/internal/wine"
)

// signerSubject names the throwaway certificate TestWindowsSigning makes.
const signerSubject = "CN=Sign-in Doctor Test Signer"

// TestWindowsSigning signs copies of the bundle's .exe and .msi the way make bundle does when
// IT gives a certificate (scripts/sign.sh: osslsigncode, SIGN_PKCS12 and SIGN_PASSWORD_FILE),
// with a self-signed code-signing certificate made for the test, and verifies both signatures
// against it. The bundle itself, built without a certificate, is unsigned. The .p12's password
// appears in no output, and a wrong one fails without showing it. No timestamp server is
// named, so nothing leaves this machine.
func TestWindowsSigning(t *testing.T) {
	zb := readZip(t, bundleFile(t, "windows-amd64.zip").file)
	msi := bundleFile(t, "windows-amd64.msi")
	osslsigncode := wine.Program(t, "osslsigncode", "osslsigncode")
	dir := t.TempDir()
	p12, certPEM, password := throwawayCertificate(t, dir)

	exe := filepath.Join(dir, "signin-doctor.exe")
	if err := os.WriteFile(exe, zb.file(t, "signin-doctor/signin-doctor.exe").data, 0o755); err != nil {
		t.Fatal(err)
	}
	pkg := filepath.Join(dir, filepath.Base(msi.file))
	data, err := os.ReadFile(msi.file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pkg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	verify := func(file string) (int, string) {
		ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
		defer cancel()
		code, stdout, stderr := runExit(t, exec.CommandContext(ctx, osslsigncode, "verify", "-CAfile", certPEM, "-in", file))
		return code, stdout + stderr
	}
	for _, f := range []string{exe, pkg} {
		if code, out := verify(f); code == 0 {
			t.Errorf("%s: the bundle built without SIGN_PKCS12 is signed:\n%s", filepath.Base(f), out)
		}
	}

	wrong := filepath.Join(dir, "wrong-password")
	if err := os.WriteFile(wrong, []byte("not-"+password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, out := signFiles(t, p12, wrong, exe); code == 0 || strings.Contains(out, password) {
		t.Errorf("scripts/sign.sh with a wrong password: exit %d (want failure), and the output must not hold a password:\n%s", code, out)
	}

	code, out := signFiles(t, p12, filepath.Join(dir, "password"), exe, pkg)
	if code != 0 {
		t.Fatalf("scripts/sign.sh: exit %d\n%s", code, out)
	}
	if strings.Contains(out, password) {
		t.Errorf("scripts/sign.sh printed the password:\n%s", out)
	}
	t.Logf("scripts/sign.sh:\n%s", out)
	for _, f := range []string{exe, pkg} {
		code, out := verify(f)
		if code != 0 || !strings.Contains(out, signerSubject) || strings.Contains(out, password) {
			t.Errorf("osslsigncode verify %s: exit %d, want 0 and the signer %q:\n%s", filepath.Base(f), code, signerSubject, out)
		}
	}
}

// throwawayCertificate makes, in dir, a self-signed code-signing certificate (cert.pem) and
// its .p12 with a random password kept in dir/password, as IT's would be; the password is
// passed to openssl in that file, never as an argument.
func throwawayCertificate(t *testing.T, dir string) (p12, certPEM, password string) {
	t.Helper()
	openssl := wine.Program(t, "openssl", "openssl")
	secret := make([]byte, 18)
	if _, err := rand.Read(secret); err != nil {
		t.Fatal(err)
	}
	password = hex.EncodeToString(secret)
	passFile := filepath.Join(dir, "password")
	if err := os.WriteFile(passFile, []byte(password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	key, certPEM, p12 := filepath.Join(dir, "key.pem"), filepath.Join(dir, "cert.pem"), filepath.Join(dir, "cert.p12")
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	outputOf(t, exec.CommandContext(ctx, openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
		"-out", certPEM, "-days", "2", "-subj", "/"+signerSubject+"/O=Sign-in Doctor tests",
		"-addext", "extendedKeyUsage=codeSigning", "-addext", "keyUsage=critical,digitalSignature"))
	outputOf(t, exec.CommandContext(ctx, openssl, "pkcs12", "-export", "-inkey", key, "-in", certPEM, "-out", p12,
		"-passout", "file:"+passFile))
	return p12, certPEM, password
}

// signFiles runs scripts/sign.sh on files with IT's two variables and no timestamp server,
// and returns its exit code and all it printed.
func signFiles(t *testing.T, p12, passFile string, files ...string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "../scripts/sign.sh", files...)
	cmd.Env = []string{"PATH=/usr/sbin:/usr/bin:/sbin:/bin", "SIGN_PKCS12=" + p12, "SIGN_PASSWORD_FILE=" + passFile}
	code, stdout, stderr := runExit(t, cmd)
	return code, stdout + stderr
}
