package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// keyRuns returns the runs of base32 letters in s long enough to be a TOTP key (16 or more):
// what no message may repeat.
func keyRuns(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '2' && r <= '7')
	}) {
		if len(f) >= 16 {
			out = append(out, f)
		}
	}
	return out
}

// FuzzTOTPInput: whatever arrives on standard input and in --code, `totp` exits 0, 1 or 2 and
// prints no run of the input long enough to be the secret, on either stream.
func FuzzTOTPInput(f *testing.F) {
	f.Add([]byte("JBSWY3DPEHPK3PXP\n"), "123456")
	f.Add([]byte("otpauth://totp/Zoho:a@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&digits=8"), "1234 5678")
	f.Add([]byte("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=JBSWY3DPEHPK3PXPJBSW"), "000000")
	f.Add([]byte("jbsw y3dp ehpk 3pxp 1bsw"), "JBSWY3DPEHPK3PXP")
	f.Add([]byte(""), "12")
	now := func() time.Time { return time.Unix(1_800_000_015, 0) }
	f.Fuzz(func(t *testing.T, stdin []byte, code string) {
		var out, errOut bytes.Buffer
		s := streams{In: bytes.NewReader(stdin), Out: &out, Err: &errOut}
		exit := runTOTP(t.Context(), []string{"--code", code}, s, totpClock{}, now)
		if exit < 0 || exit > 2 {
			t.Fatalf("exit %d", exit)
		}
		for _, run := range append(keyRuns(string(stdin)), keyRuns(code)...) {
			if strings.Contains(strings.ToUpper(out.String()+errOut.String()), run) {
				t.Fatalf("the output repeats %q of the input:\nstdout: %s\nstderr: %s", run, out.String(), errOut.String())
			}
		}
	})
}

// FuzzTOTPFlags: no argument list makes a flag error repeat a run of an argument long
// enough to be a secret typed in the wrong place.
func FuzzTOTPFlags(f *testing.F) {
	f.Add("--code", "123456", "")
	f.Add("--secret", "JBSWY3DPEHPK3PXP", "")
	f.Add("--code=JBSWY3DPEHPK3PXP", "", "")
	f.Add("-qr", "JBSWY3DPEHPK3PXPJBSW.png", "--json")
	f.Add("--JBSWY3DPEHPK3PXP", "x", "y")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		args := []string{a, b, c}
		_, err := parseTOTPFlags(args)
		if err == nil {
			return
		}
		for _, arg := range args {
			for _, run := range keyRuns(arg) {
				if strings.Contains(strings.ToUpper(err.Error()), run) {
					t.Fatalf("error %q repeats %q of %q", err, run, args)
				}
			}
		}
	})
}
