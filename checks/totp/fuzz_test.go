package totp

import (
	"strings"
	"testing"
	"time"
)

// FuzzParse: any input either parses into a secret that makes codes, or fails with an error
// that does not repeat a base32 run of the input long enough to be a key.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		"JBSWY3DPEHPK3PXP", "jbsw y3dp-ehpk 3pxp", "otpauth://totp/X?secret=JBSWY3DPEHPK3PXP&digits=8&period=60",
		"otpauth://totp/%zz", "otpauth://hotp/X?secret=A", "", "====", "otpauth://totp/X?secret=JBSWY3DPEHPK3PXP&algorithm=sha512",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, input string) {
		s, err := Parse(input)
		if err != nil {
			for _, field := range strings.FieldsFunc(strings.ToUpper(input), func(r rune) bool {
				return !(r >= 'A' && r <= 'Z' || r >= '2' && r <= '7')
			}) {
				if len(field) >= 16 && strings.Contains(strings.ToUpper(err.Error()), field) {
					t.Fatalf("error %q repeats %q of the input", err, field)
				}
			}
			return
		}
		code, err := s.Code(time.Unix(1_800_000_000, 0))
		if err != nil || len(code) != s.Digits {
			t.Fatalf("parsed %v but Code = %q, %v", s, code, err)
		}
	})
}
