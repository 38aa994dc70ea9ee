package proof

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// exitUsage is the exit code docs/DESIGN.md gives bad usage and bad input.
const exitUsage = 2

// aSecret is key material made up for these rows (not anyone's account): what no message may
// repeat.
const aSecret = "N5XGK2LOMFZWS3TFOJZXIYLUNFXW4ZDM"

// TestBadInputExitsTwo gives the real binary the broken files and input a person or IT may
// give it, and holds it to docs/DESIGN.md: exit 2, a message on standard error that says where the
// problem is, nothing on standard output, and never the secret repeated.
func TestBadInputExitsTwo(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, sb sandbox) (stdin string, args []string)
		says  []string // what standard error must contain; "{dir}" is the sandbox's root
	}{
		{"given a config with a wrong type then it names file, line and key", func(t *testing.T, sb sandbox) (string, []string) {
			path := writeFile(t, filepath.Join(sb.Root, "bad.toml"), "[clock]\n\nwarn_seconds = \"ten\"\n")
			return "", []string{"check", "--config", path}
		}, []string{"{dir}/bad.toml:3", "clock.warn_seconds"}},
		{"given a config with an unknown key then it names file, line and key", func(t *testing.T, sb sandbox) (string, []string) {
			path := writeFile(t, filepath.Join(sb.Root, "bad.toml"), "[network]\nip_echo_url = [\"https://x.test\"]\n")
			return "", []string{"check", "--json", "--config", path}
		}, []string{"{dir}/bad.toml:2", "ip_echo_url"}},
		{"given a config that is not TOML then it names file and line", func(t *testing.T, sb sandbox) (string, []string) {
			path := writeFile(t, filepath.Join(sb.Root, "bad.toml"), "[clock\nwarn_seconds = 1\n")
			return "", []string{"check", "--config", path}
		}, []string{"{dir}/bad.toml:1"}},
		{"given a config naming a bad playbook then it names the playbook's file and line", func(t *testing.T, sb sandbox) (string, []string) {
			writeFile(t, filepath.Join(sb.Root, "it", "book.toml"), "format = 1\n[symptom.otp-invalid]\ntitle = 5\n")
			path := writeFile(t, filepath.Join(sb.Root, "it", "signin-doctor.toml"), "[playbook]\nfile = \"book.toml\"\n")
			return "", []string{"check", "--config", path}
		}, []string{"bad playbook", "{dir}/it/book.toml:"}},
		{"given a config naming a missing playbook then it says so", func(t *testing.T, sb sandbox) (string, []string) {
			path := writeFile(t, filepath.Join(sb.Root, "signin-doctor.toml"), "[playbook]\nfile = \"gone.toml\"\n")
			return "", []string{"check", "--config", path}
		}, []string{"gone.toml"}},
		{"given an otpauth URI with a bad secret then it names the parameter", func(*testing.T, sandbox) (string, []string) {
			return "otpauth://totp/Zoho:me@example.com?secret=" + aSecret[:20] + "1890&issuer=Zoho", []string{"totp", "--code", "123456"}
		}, []string{"secret="}},
		{"given an otpauth URI with 7 digits then it names the parameter", func(*testing.T, sandbox) (string, []string) {
			return "otpauth://totp/Zoho:me?secret=" + aSecret + "&digits=7", []string{"totp", "--code", "123456"}
		}, []string{"digits"}},
		{"given an otpauth URI for counter codes then it says only time-based codes count", func(*testing.T, sandbox) (string, []string) {
			return "otpauth://hotp/Zoho:me?secret=" + aSecret + "&counter=1", []string{"totp", "--code", "123456"}
		}, []string{"totp"}},
		{"given a malformed otpauth URI then it says so without quoting it", func(*testing.T, sandbox) (string, []string) {
			return "otpauth://totp/%zz?secret=" + aSecret, []string{"totp", "--code", "123456"}
		}, []string{"malformed"}},
		{"given a base32 secret with a digit 1 then it names the position", func(*testing.T, sandbox) (string, []string) {
			return aSecret[:10] + "1" + aSecret[11:], []string{"totp", "--code", "123456"}
		}, []string{"character 11"}},
		{"given the secret in the arguments then it refuses it", func(*testing.T, sandbox) (string, []string) {
			return "", []string{"totp", "--code", "123456", "--secret", aSecret}
		}, []string{"standard input"}},
		{"given a QR image file that is no image then it says so", func(t *testing.T, sb sandbox) (string, []string) {
			return "", []string{"totp", "--code", "123456", "--qr", writeFile(t, filepath.Join(sb.Root, "qr.png"), aSecret)}
		}, []string{"not a PNG, JPEG or GIF"}},
		{"given a QR image without a code then it says none was found", func(t *testing.T, sb sandbox) (string, []string) {
			return "", []string{"totp", "--code", "123456", "--qr", qrFile(t, sb, "")}
		}, []string{"no QR code"}},
		{"given a QR code holding a bare secret then it says it is no setup code, without the secret", func(t *testing.T, sb sandbox) (string, []string) {
			return "", []string{"totp", "--code", "123456", "--qr", qrFile(t, sb, aSecret)}
		}, []string{"otpauth://"}},
		{"given a QR code holding a broken otpauth URI then it names the parameter", func(t *testing.T, sb sandbox) (string, []string) {
			return "", []string{"totp", "--code", "123456", "--qr", qrFile(t, sb, "otpauth://totp/x?secret="+aSecret+"&algorithm=MD5")}
		}, []string{"algorithm"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sb := newSandbox(t)
			stdin, args := tt.setup(t, sb)
			r := runCLI(t, sb, 20*time.Second, stdin, args...)
			if r.Code != exitUsage {
				t.Errorf("exit %d, want %d; stderr:\n%s", r.Code, exitUsage, r.Stderr)
			}
			if r.Stdout != "" {
				t.Errorf("standard output is not empty:\n%s", r.Stdout)
			}
			for _, s := range tt.says {
				if s = strings.ReplaceAll(s, "{dir}", sb.Root); !strings.Contains(r.Stderr, s) {
					t.Errorf("standard error does not say %q:\n%s", s, r.Stderr)
				}
			}
			if strings.Contains(strings.ToUpper(r.Stderr), aSecret[:16]) {
				t.Errorf("standard error repeats the secret:\n%s", r.Stderr)
			}
		})
	}
}

// qrFile writes a PNG of a QR code holding text, or a blank picture when text is empty.
func qrFile(t *testing.T, sb sandbox, text string) string {
	t.Helper()
	img, err := gozxing.NewBitMatrix(200, 200)
	if text != "" {
		img, err = qrcode.NewQRCodeWriter().Encode(text, gozxing.BarcodeFormat_QR_CODE, 200, 200, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(sb.Root, "qr.png")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
