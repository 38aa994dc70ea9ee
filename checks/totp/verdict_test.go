package totp_test

import (
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

func TestDecide(t *testing.T) {
	for _, tc := range totptest.Cases {
		t.Run(tc.Name, func(t *testing.T) {
			v := totp.Decide(tc.Result, tc.Clock, tc.Thresholds)
			if v.Status != tc.Status || v.Culprit != tc.Culprit {
				t.Errorf("verdict %s, culprit %s; want %s, %s", v.Status, v.Culprit, tc.Status, tc.Culprit)
			}
			if tc.Clock.Known && tc.Result.Match != totp.MatchNone && v.PhoneOffset != tc.PhoneOffset {
				t.Errorf("phone offset %v, want %v", v.PhoneOffset, tc.PhoneOffset)
			}
			if !tc.Clock.Known && v.ClockStatus != checks.Unknown {
				t.Errorf("clock status %s with no clock reading, want unknown", v.ClockStatus)
			}
		})
	}
}
