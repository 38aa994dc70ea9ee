package totp_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

func newCalibration(t *testing.T) *totp.Calibration {
	t.Helper()
	c, err := totp.NewCalibration("Sign-in Doctor", "Sign-in Doctor (clock check)")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// typeCodes adds what the person typed to c, and returns the verdict after the first code and
// after them all.
func typeCodes(t *testing.T, c *totp.Calibration, typed [2]totptest.Typed, clk totp.ClockReading) (first, last totp.CalibrationVerdict) {
	t.Helper()
	for i, ty := range typed {
		if err := c.Add(ty.Code, ty.At); err != nil {
			t.Fatal(err)
		}
		last = totp.DecideCalibration(c.Placement(), clk, clock.Thresholds{})
		if i == 0 {
			first = last
		}
	}
	return first, last
}

func TestCalibrationAgainstOathtool(t *testing.T) {
	shifts := []time.Duration{0, 15 * time.Second, -15 * time.Second, 45 * time.Second, -45 * time.Second, 5 * time.Minute, -5 * time.Minute}
	for _, shift := range shifts {
		for _, phase := range []time.Duration{time.Second, 7 * time.Second, 15 * time.Second, 22 * time.Second, 29 * time.Second} {
			t.Run(fmt.Sprintf("phone_%v_code_typed_at_%v", shift, phase), func(t *testing.T) {
				// given a phone shift off that scanned the calibration key, when the person types
				// the code it shows, then the next one as soon as it appears
				c := newCalibration(t)
				ph := totptest.NewPhone(t, c.URI(), shift)
				typed := ph.TypesTwoCodes(totptest.Base.Add(phase))
				first, v := typeCodes(t, c, typed, totptest.Measured(0))
				p := v.Placement

				// then the range holds the phone's offset, and the verdict is confirmed and right
				if !p.Placed || p.Codes != 2 || p.Candidates != 1 || shift < p.Lo || shift >= p.Hi {
					t.Fatalf("placement %+v does not hold the phone's %v", p, shift)
				}
				k1, k2 := ph.StepsAhead(typed[0]), ph.StepsAhead(typed[1])
				if p.StepsMin != min(k1, k2) || p.StepsMax != max(k1, k2) {
					t.Errorf("steps %d..%d, want the codes' %d and %d", p.StepsMin, p.StepsMax, k1, k2)
				}
				want := totp.CulpritNeither
				if shift.Abs() >= 30*time.Second {
					want = totp.CulpritPhone
				}
				if v.Culprit != want || !v.Confirmed {
					t.Errorf("verdict %s (confirmed %v, judged %v in %v..%v), want %s confirmed", v.Culprit, v.Confirmed, v.PhoneOffset, p.Lo, p.Hi, want)
				}
				// and the first code alone was enough only on this computer's step with nothing to blame
				fp := first.Placement
				if first.Confirmed != (fp.StepsMin == 0 && fp.StepsMax == 0 && first.Culprit == totp.CulpritNeither) {
					t.Errorf("one code: confirmed %v with %+v, %s", first.Confirmed, fp, first.Culprit)
				}
				if shift == 0 && phase >= totptest.ReadDelay && !first.Confirmed {
					t.Error("one code on this computer's step with both clocks right was not enough")
				}
			})
		}
	}
}

func TestCalibrationTriangulatesWithTheClockCheck(t *testing.T) {
	for _, tt := range []struct {
		name         string
		shift, clock time.Duration // the phone minus this computer; true time minus this computer
		want         totp.Culprit
	}{
		{"computer_95s_behind_phone_right", 95 * time.Second, 95 * time.Second, totp.CulpritComputer},
		{"computer_95s_behind_phone_on_its_time", 0, 95 * time.Second, totp.CulpritBoth},
		{"computer_15s_ahead_phone_right", -15 * time.Second, -15 * time.Second, totp.CulpritComputer},
		{"computer_right_phone_5min_ahead", 5 * time.Minute, 0, totp.CulpritPhone},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c := newCalibration(t)
			ph := totptest.NewPhone(t, c.URI(), tt.shift)
			_, v := typeCodes(t, c, ph.TypesTwoCodes(totptest.Base.Add(12*time.Second)), totptest.Measured(tt.clock))
			if v.Culprit != tt.want || !v.Confirmed {
				t.Errorf("verdict %s (confirmed %v), want %s", v.Culprit, v.Confirmed, tt.want)
			}
		})
	}
}
