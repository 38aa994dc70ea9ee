package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	pqtotp "github.com/pquerna/otp/totp"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// The test's own throwaway key; no person's secret.
const (
	testB32 = "NB2HI4DTHIXS653XO4XGK6DBNVYGYZJOMNXW2LY"
	testURI = "otpauth://totp/Test:a@example.com?secret=" + testB32 + "&algorithm=SHA256&digits=8&period=60&issuer=Test"
)

// testNow stands inside a step of both 30 s and 60 s, far from a boundary.
var testNow = time.Unix(1_800_000_015, 0)

// phoneCode is the code a phone whose clock is shift from testNow shows.
func phoneCode(t *testing.T, secret string, shift time.Duration) string {
	t.Helper()
	s, err := totp.Parse(secret)
	if err != nil {
		t.Fatal(err)
	}
	code, err := s.Code(testNow.Add(shift))
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// totpRun runs the totp command at testNow with stdin and a clock check that reports offset
// when known.
func totpRun(t *testing.T, stdin string, offset time.Duration, known bool, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	clock := totpClock{Offset: func(context.Context) (time.Duration, bool) { return offset, known }}
	code = runTOTP(context.Background(), args, streams{In: strings.NewReader(stdin), Out: &out, Err: &errb}, clock,
		func() time.Time { return testNow })
	return code, out.String(), errb.String()
}

func TestTOTPJSON(t *testing.T) {
	tests := []struct {
		name   string
		secret string
		shift  time.Duration // the phone's clock minus this computer's
		clock  time.Duration // true minus this computer's
		known  bool
		exit   int
		want   string
	}{
		{"given the phone's current code then match now, exit 0", testB32, 0, 200 * time.Millisecond, true, 0,
			`{"schema_version":1,"match":"now","steps":0,"offset_seconds":0,"period":30,"window_steps":20,"clock_offset_ms":200,"phone_offset_ms":-200}`},
		{"given a phone 2 steps ahead then other-step, exit 1", testB32, 60 * time.Second, 0, true, 1,
			`{"schema_version":1,"match":"other-step","steps":2,"offset_seconds":60,"period":30,"window_steps":20,"clock_offset_ms":0,"phone_offset_ms":60000}`},
		{"given a SHA256 60 s URI and a phone 3 steps behind, clock unknown, then no clock fields", testURI, -3 * time.Minute, 0, false, 1,
			`{"schema_version":1,"match":"other-step","steps":-3,"offset_seconds":-180,"period":60,"window_steps":20}`},
		{"given a phone an hour off then none with null steps", testB32, time.Hour, 95 * time.Second, true, 1,
			`{"schema_version":1,"match":"none","steps":null,"offset_seconds":null,"period":30,"window_steps":20,"clock_offset_ms":95000}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := totpRun(t, tt.secret+"\n", tt.clock, tt.known, "--json", "--code", phoneCode(t, tt.secret, tt.shift))
			if code != tt.exit {
				t.Fatalf("exit %d, want %d; stderr %q", code, tt.exit, stderr)
			}
			var got, want map[string]any
			if err := json.Unmarshal([]byte(stdout), &got); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
			}
			_ = json.Unmarshal([]byte(tt.want), &want)
			if g, w := mustJSON(got), mustJSON(want); g != w {
				t.Errorf("then\n%s\nwant\n%s", g, w)
			}
		})
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func TestTOTPText(t *testing.T) {
	code, stdout, _ := totpRun(t, testB32, 0, true, "--code", phoneCode(t, testB32, 60*time.Second))
	for _, want := range []string{"! Phone is ~60 s ahead of this computer (2 steps)", "The phone is ~60 s ahead of true time; this computer is right"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if code != exitFindings {
		t.Errorf("exit %d, want %d", code, exitFindings)
	}
	_, stdout, _ = totpRun(t, testB32, 0, false, "--code", phoneCode(t, testB32, 0))
	if !strings.Contains(stdout, "true time is unknown") {
		t.Errorf("with the clock unknown, stdout does not say so:\n%s", stdout)
	}
}

func TestTOTPFromQRImage(t *testing.T) {
	key, err := otp.NewKeyFromURL(testURI)
	if err != nil {
		t.Fatal(err)
	}
	img, err := key.Image(300, 300)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "setup.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want, _ := pqtotp.GenerateCodeCustom(testB32, testNow, pqtotp.ValidateOpts{Period: 60, Digits: otp.DigitsEight, Algorithm: otp.AlgorithmSHA256})
	if code, stdout, stderr := totpRun(t, "", 0, false, "--qr", path, "--code", want); code != exitClean {
		t.Errorf("exit %d, want 0; stdout %q stderr %q", code, stdout, stderr)
	}
}

func TestTOTPBadInputExits2WithoutEchoingTheSecret(t *testing.T) {
	good := phoneCode(t, testB32, 0)
	tests := []struct {
		name  string
		stdin string
		args  []string
		says  string
	}{
		{"given the secret as an argument", "", []string{"--code", good, testB32}, "never from the command line"},
		{"given the secret as --secret", "", []string{"--code", good, "--secret=" + testB32}, "never from the command line"},
		{"given the secret as --key", "", []string{"--key", testB32, "--code", good}, "never from the command line"},
		{"given no --code", testB32, nil, "--code is required"},
		{"given an unknown flag", testB32, []string{"--code", good, "--" + testB32}, "unknown flag"},
		{"given nothing on standard input", "", []string{"--code", good}, "no secret on standard input"},
		{"given a secret with a digit base32 never uses", "1" + testB32[1:], []string{"--code", good}, "not a base32 letter"},
		{"given a URI with MD5", strings.Replace(testURI, "SHA256", "MD5", 1), []string{"--code", good}, "algorithm"},
		{"given a malformed URI", "otpauth://totp/%zz?secret=" + testB32, []string{"--code", good}, "malformed"},
		{"given a code of the wrong length", testB32, []string{"--code", "12345"}, "5 digits"},
		{"given the secret as the code", "", []string{"--code", testB32}, "other than digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" then exit 2 with a clear message", func(t *testing.T) {
			code, stdout, stderr := totpRun(t, tt.stdin, 0, false, tt.args...)
			if code != exitUsage {
				t.Errorf("exit %d, want %d", code, exitUsage)
			}
			if !strings.Contains(stderr, tt.says) {
				t.Errorf("stderr %q does not say %q", stderr, tt.says)
			}
			for _, leak := range []string{testB32, strings.ToLower(testB32), testB32[:16], testB32[1:]} {
				if strings.Contains(stdout+stderr, leak) {
					t.Errorf("the output repeats the secret:\nstdout %q\nstderr %q", stdout, stderr)
				}
			}
		})
	}
}

func TestTOTPInterruptedRead(t *testing.T) {
	r, w, err := os.Pipe() // a pipe nobody writes to: the read blocks until ctx ends
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	defer r.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	var out, errb bytes.Buffer
	code := totpCommand(ctx, []string{"--code", "123456"}, streams{In: r, Out: &out, Err: &errb}, totpClock{})
	if code != exitUsage || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("exit %d stderr %q, want 2 and interrupted", code, errb.String())
	}
}
