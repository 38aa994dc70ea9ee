package checks

import "testing"

func TestCanonicalSymptom(t *testing.T) {
	cases := []struct {
		id, want string
		ok       bool
	}{
		{"daily-signin-limit", SymptomDailySigninLimit, true},
		{"signin-attempt-limit", SymptomSigninAttemptLimit, true},
		{"signin-limit", SymptomDailySigninLimit, true}, // the old id, as IT's scripts give it
		{"otp-incorrect", SymptomOTPIncorrect, true},
		{"otp-wrong", "otp-wrong", false},
		{"", "", false},
	}
	for _, c := range cases {
		if got, ok := CanonicalSymptom(c.id); got != c.want || ok != c.ok {
			t.Errorf("CanonicalSymptom(%q) = %q, %v; want %q, %v", c.id, got, ok, c.want, c.ok)
		}
	}
	for old, to := range symptomAliases {
		if KnownSymptom(old) || !KnownSymptom(to) {
			t.Errorf("alias %s -> %s: an old id must not be a current one, and must lead to one", old, to)
		}
	}
}
