package totp

import (
	"bytes"
	"encoding/base32"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// leaks reports whether text holds the key of b32 in any form a slip could print it in.
func leaks(text, b32 string) bool {
	raw, _ := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(b32)
	for _, form := range []string{b32, strings.ToLower(b32), b32[:12], hex.EncodeToString(raw), string(raw)} {
		if strings.Contains(text, form) {
			return true
		}
	}
	return false
}

func TestParseAcceptsHowPeopleTypeASecret(t *testing.T) {
	const b32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
	want, err := ParseBase32(b32)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1_800_000_000, 0)
	wantCode, _ := want.Code(at)
	for _, input := range []string{
		"jbswy3dpehpk3pxpjbswy3dpehpk3pxp",
		"JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP",
		"jbsw-y3dp-ehpk-3pxp-jbsw-y3dp-ehpk-3pxp",
		"  JBSWY3DPEHPK3PXP\nJBSWY3DPEHPK3PXP\n",
		"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP========"[:34],
		"otpauth://totp/Example:alice@example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example",
		"OTPAUTH://totp/Example?secret=jbswy3dpehpk3pxpjbswy3dpehpk3pxp",
	} {
		s, err := Parse(input)
		if err != nil {
			t.Errorf("Parse(%q): %v", input, err)
			continue
		}
		if got, _ := s.Code(at); got != wantCode || s.Algorithm != SHA1 || s.Digits != 6 || s.Period != 30*time.Second {
			t.Errorf("Parse(%q) = %v making %q, want SHA1/6/30s making %q", input, s, got, wantCode)
		}
	}
}

func TestParseURIParameters(t *testing.T) {
	const b32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	s, err := ParseURI("otpauth://totp/ACME%20Co:john@example.com?secret=" + b32 + "&issuer=ACME%20Co&algorithm=sha512&digits=8&period=60")
	if err != nil {
		t.Fatal(err)
	}
	if s.Algorithm != SHA512 || s.Digits != 8 || s.Period != time.Minute || s.Issuer != "ACME Co" || s.Account != "john@example.com" {
		t.Errorf("got %+v issuer %q account %q", s, s.Issuer, s.Account)
	}
}

func TestBadSecretsSayWhatIsWrongWithoutTheSecret(t *testing.T) {
	const b32 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
	tests := []struct {
		name, input, says string
	}{
		{"given an empty secret", "  ", "empty"},
		{"given a digit base32 never uses", "JBSWY3DPEHPK3PX0JBSWY3DPEHPK3PXP", "character 16"},
		{"given a letter missing", b32[:30], "30 base32 letters"},
		{"given a secret too short", "JBSWY3DP", "too short"},
		{"given a counter-based URI", "otpauth://hotp/X?secret=" + b32 + "&counter=1", "counter-based"},
		{"given a URI of another kind", "otpauth://motp/X?secret=" + b32, "time-based"},
		{"given a URI without a secret", "otpauth://totp/X?issuer=X", "no secret"},
		{"given a URI with MD5", "otpauth://totp/X?secret=" + b32 + "&algorithm=MD5", `algorithm="MD5"`},
		{"given a URI with 7 digits", "otpauth://totp/X?secret=" + b32 + "&digits=7", `digits="7"`},
		{"given a URI with period 0", "otpauth://totp/X?secret=" + b32 + "&period=0", `period="0"`},
		{"given a URI with a period in words", "otpauth://totp/X?secret=" + b32 + "&period=thirty", `period="thirty"`},
		{"given a malformed URI", "otpauth://totp/X%zz?secret=" + b32, "malformed"},
		{"given a URI whose secret is not base32", "otpauth://totp/X?secret=" + b32[:20] + "189" + b32[23:], "secret= parameter"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" then the error says so", func(t *testing.T) {
			s, err := Parse(tt.input)
			if err == nil {
				t.Fatalf("Parse succeeded: %v", s)
			}
			if !strings.Contains(err.Error(), tt.says) {
				t.Errorf("error %q does not say %q", err, tt.says)
			}
			if leaks(err.Error(), b32) || leaks(err.Error(), b32[16:]+b32[:16]) {
				t.Errorf("error %q repeats the secret", err)
			}
		})
	}
}

func TestSecretNeverPrintsItsKey(t *testing.T) {
	const b32 = "KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ"
	s, err := ParseBase32(b32)
	if err != nil {
		t.Fatal(err)
	}
	type holder struct {
		s Secret // unexported: fmt cannot call its methods
		S Secret
		P *Secret
	}
	var log bytes.Buffer
	slog.New(slog.NewJSONHandler(&log, nil)).Info("parsed", "secret", s, "holder", holder{s, s, &s})
	js, jsonErr := json.Marshal(holder{s, s, &s})
	printed := map[string]string{
		"slog":    log.String(),
		"json":    string(js) + fmt.Sprint(jsonErr),
		"String":  s.String(),
		"Println": fmt.Sprintln(s, &s, []Secret{s}, map[string]Secret{"k": s}),
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"} {
		printed[verb] = fmt.Sprintf(verb, s) + fmt.Sprintf(verb, &s) + fmt.Sprintf(verb, holder{s, s, &s}) + fmt.Sprintf(verb, &holder{s, s, &s})
	}
	for how, text := range printed {
		if leaks(text, b32) {
			t.Errorf("%s printed the key: %s", how, text)
		}
	}
	if !strings.Contains(s.String(), redacted) {
		t.Errorf("String() = %q, want it to say the secret is redacted", s.String())
	}
}
