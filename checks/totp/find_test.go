package totp

import (
	"crypto/rand"
	"encoding/base32"
	"fmt"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// rfc6238 are the test vectors of RFC 6238 appendix B (8 digits, 30 s).
var rfc6238 = []struct {
	unix int64
	sha1 string
	s256 string
	s512 string
}{
	{59, "94287082", "46119246", "90693936"},
	{1111111109, "07081804", "68084774", "25091201"},
	{1111111111, "14050471", "67062674", "99943326"},
	{1234567890, "89005924", "91819424", "93441116"},
	{2000000000, "69279037", "90698825", "38618901"},
	{20000000000, "65353130", "77737706", "47863826"},
}

// rfc6238Secret is the RFC's ASCII seed for alg, as an otpauth URI with 8 digits.
func rfc6238Secret(t *testing.T, alg string) Secret {
	t.Helper()
	seed := map[string]string{
		SHA1:   "12345678901234567890",
		SHA256: "12345678901234567890123456789012",
		SHA512: "1234567890123456789012345678901234567890123456789012345678901234",
	}[alg]
	b32 := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte(seed))
	s, err := ParseURI("otpauth://totp/RFC:6238?secret=" + b32 + "&algorithm=" + alg + "&digits=8&period=30")
	if err != nil {
		t.Fatalf("parsing the RFC 6238 %s seed: %v", alg, err)
	}
	return s
}

func TestRFC6238Vectors(t *testing.T) {
	for _, alg := range []string{SHA1, SHA256, SHA512} {
		s := rfc6238Secret(t, alg)
		for _, v := range rfc6238 {
			want := map[string]string{SHA1: v.sha1, SHA256: v.s256, SHA512: v.s512}[alg]
			at := time.Unix(v.unix, 0)
			if got, err := s.Code(at); err != nil || got != want {
				t.Errorf("%s at %d: code %q (%v), want %q", alg, v.unix, got, err, want)
			}
			// The same code read 90 s later is three steps behind that clock.
			r, err := Find(s, want, at.Add(90*time.Second))
			if err != nil || r.Match != MatchOtherStep || r.Steps != -3 || r.Offset != -90*time.Second {
				t.Errorf("%s at %d: Find 90 s later = %+v, %v; want other-step -3", alg, v.unix, r, err)
			}
		}
	}
}

// oathtoolCode asks oathtool for the code of b32 at t. The key goes through oathtool's
// standard input ("-"), so even this throwaway test key never appears in a command line.
func oathtoolCode(t *testing.T, bin, b32, alg string, digits int, period time.Duration, at time.Time) string {
	t.Helper()
	cmd := exec.Command(bin, "--totp="+alg, "--base32", "--digits="+strconv.Itoa(digits),
		"--time-step-size="+strconv.Itoa(int(period/time.Second))+"s", "--now=@"+strconv.FormatInt(at.Unix(), 10), "-")
	cmd.Stdin = strings.NewReader(b32 + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("oathtool: %v: %s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// throwawayKey is a random key made for one test, as base32.
func throwawayKey(t *testing.T) string {
	t.Helper()
	raw := make([]byte, 20)
	if _, err := rand.Read(raw); err != nil {
		t.Fatal(err)
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(raw)
}

func TestFindAgainstOathtool(t *testing.T) {
	bin := peer.Program(t, "oathtool")
	now := time.Unix(1_800_000_007, 0) // inside a step, not on its boundary
	for _, alg := range []string{SHA1, SHA256, SHA512} {
		for _, digits := range []int{6, 8} {
			for _, period := range []time.Duration{30 * time.Second, 60 * time.Second, 15 * time.Second} {
				b32 := throwawayKey(t)
				uri := fmt.Sprintf("otpauth://totp/Test:a@example.com?secret=%s&algorithm=%s&digits=%d&period=%d&issuer=Test",
					strings.ToLower(b32), alg, digits, int(period/time.Second))
				s, err := ParseURI(uri)
				if err != nil {
					t.Fatalf("ParseURI: %v", err)
				}
				window := WindowFor(period)
				for _, shift := range []int{0, 1, -1, 2, -3, window, -window, window + 1, -(window + 5)} {
					name := fmt.Sprintf("given %s %d digits %v when the phone is %d steps off", alg, digits, period, shift)
					t.Run(name, func(t *testing.T) {
						phone := now.Add(time.Duration(shift) * period)
						code := oathtoolCode(t, bin, b32, alg, digits, period, phone)
						r, err := Find(s, code, now)
						if err != nil {
							t.Fatalf("Find: %v", err)
						}
						want := Result{Match: MatchOtherStep, Steps: shift, Offset: time.Duration(shift) * period, Period: period, WindowSteps: window}
						switch {
						case shift == 0:
							want.Match = MatchNow
						case shift > window || -shift > window:
							want = Result{Match: MatchNone, Period: period, WindowSteps: window}
						}
						if r != want {
							t.Errorf("then %+v, want %+v", r, want)
						}
					})
				}
			}
		}
	}
}

func TestWindowCoversTenMinutesAndTwentySteps(t *testing.T) {
	for _, tt := range []struct {
		period time.Duration
		steps  int
	}{{30 * time.Second, 20}, {60 * time.Second, 20}, {15 * time.Second, 40}, {7 * time.Second, 86}, {10 * time.Minute, 20}} {
		if got := WindowFor(tt.period); got != tt.steps || time.Duration(got)*tt.period < MinWindow {
			t.Errorf("WindowFor(%v) = %d, want %d (at least %v)", tt.period, got, tt.steps, MinWindow)
		}
	}
}

func TestFindRejectsBadCodes(t *testing.T) {
	s, err := ParseBase32(throwawayKey(t))
	if err != nil {
		t.Fatal(err)
	}
	now := time.Unix(1_800_000_007, 0)
	good, _ := s.Code(now)
	tests := []struct {
		code, says string
	}{
		{"", "no code"},
		{"12345", "5 digits"},
		{"1234567", "7 digits"},
		{"12a456", "other than digits"},
	}
	for _, tt := range tests {
		if _, err := Find(s, tt.code, now); err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("Find(%q) error %v, want one saying %q", tt.code, err, tt.says)
		}
	}
	spaced := good[:3] + " " + good[3:]
	if r, err := Find(s, spaced, now); err != nil || r.Match != MatchNow {
		t.Errorf("a code typed as the phone shows it (%q): %+v, %v; want now", spaced, r, err)
	}
	if _, err := Find(Secret{}, good, now); err == nil {
		t.Error("Find with no secret succeeded")
	}
}
