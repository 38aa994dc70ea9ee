package totp_test

import (
	"testing"

	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

func TestDecideCalibration(t *testing.T) {
	for _, tc := range totptest.CalibrationCases {
		t.Run(tc.Name, func(t *testing.T) {
			v := totp.DecideCalibration(tc.Placement, tc.Clock, clock.Thresholds{})
			if v.Status != tc.Status || v.Culprit != tc.Culprit || v.Confirmed != tc.Confirmed {
				t.Errorf("verdict %s, culprit %s, confirmed %v; want %s, %s, %v", v.Status, v.Culprit, v.Confirmed, tc.Status, tc.Culprit, tc.Confirmed)
			}
			if tc.Clock.Known && tc.Placement.Placed && v.PhoneOffset != tc.PhoneOffset {
				t.Errorf("phone offset %v, want %v", v.PhoneOffset, tc.PhoneOffset)
			}
			// The verdict is Decide's own on the offset it judged, within the range.
			if tc.Placement.Placed {
				r := v.Result
				if r.Offset < tc.Placement.Lo || r.Offset > tc.Placement.Hi || r.Steps < tc.Placement.StepsMin || r.Steps > tc.Placement.StepsMax {
					t.Errorf("judged %v, step %d: outside %v..%v, %d..%d", r.Offset, r.Steps, tc.Placement.Lo, tc.Placement.Hi, tc.Placement.StepsMin, tc.Placement.StepsMax)
				}
				if d := totp.Decide(r, tc.Clock, clock.Thresholds{}); d != v.Verdict {
					t.Errorf("the calibration verdict %+v is not Decide's %+v", v.Verdict, d)
				}
			}
		})
	}
}

func TestCulpritClocks(t *testing.T) {
	for c, want := range map[totp.Culprit][2]bool{
		totp.CulpritPhone: {true, false}, totp.CulpritComputer: {false, true}, totp.CulpritBoth: {true, true},
		totp.CulpritEither: {true, true}, totp.CulpritNeither: {}, totp.CulpritAgree: {}, totp.CulpritUnknown: {},
	} {
		if phone, computer := c.Clocks(); phone != want[0] || computer != want[1] {
			t.Errorf("%s: set phone %v, computer %v; want %v", c, phone, computer, want)
		}
	}
}
