package totptest

import (
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// CalibrationCase is one place the calibration codes put the phone, and the verdict it must
// get (checks/totp.DecideCalibration, with the default thresholds).
type CalibrationCase struct {
	Name      string
	Placement totp.Placement
	Clock     totp.ClockReading
	Status    checks.Status
	Culprit   totp.Culprit
	Confirmed bool
	// PhoneOffset is the phone's clock minus true time the verdict judges, where it can tell.
	PhoneOffset time.Duration
}

// Placed is the placement of codes codes that allow the phone's clock minus this computer's
// from lo to hi, found from kmin to kmax steps ahead.
func Placed(lo, hi time.Duration, kmin, kmax, codes int) totp.Placement {
	return totp.Placement{Placed: true, StepsMin: kmin, StepsMax: kmax, Lo: lo, Hi: hi, Period: Period,
		WindowSteps: totp.WindowFor(Period), Codes: codes, Candidates: 1, Chance: 4.1e-5, Last: totp.FitJoined}
}

// sec keeps the table short.
const sec = time.Second

// CalibrationCases are the situations. Offsets: true time minus this computer (positive: it is
// behind); ranges: the phone minus this computer, of which the verdict judges the offset
// totp.TypingTime (5 s) above the lower end.
var CalibrationCases = []CalibrationCase{
	{Name: "one_code_this_step_clocks_right", Placement: Placed(-10*sec, 30*sec, 0, 0, 1), Clock: Measured(0),
		Status: checks.OK, Culprit: totp.CulpritNeither, Confirmed: true, PhoneOffset: -5 * sec},
	{Name: "one_code_this_step_true_time_unknown", Placement: Placed(-10*sec, 30*sec, 0, 0, 1),
		Status: checks.OK, Culprit: totp.CulpritAgree, Confirmed: true},
	// One code a step ahead allows 20 to 60 s: the phone may be right, and another code tells.
	{Name: "one_code_next_step_wants_another", Placement: Placed(20*sec, 60*sec, 1, 1, 1), Clock: Measured(0),
		Status: checks.OK, Culprit: totp.CulpritNeither, PhoneOffset: 25 * sec},
	{Name: "phone_45s_ahead", Placement: Placed(42*sec, 60*sec, 1, 2, 2), Clock: Measured(0),
		Status: checks.Warn, Culprit: totp.CulpritPhone, Confirmed: true, PhoneOffset: 47 * sec},
	{Name: "phone_45s_behind", Placement: Placed(-50*sec, -42*sec, -2, -1, 2), Clock: Measured(0),
		Status: checks.Warn, Culprit: totp.CulpritPhone, Confirmed: true, PhoneOffset: -45 * sec},
	{Name: "phone_15s_ahead_counts_as_right", Placement: Placed(12*sec, 40*sec, 0, 1, 2), Clock: Measured(0),
		Status: checks.OK, Culprit: totp.CulpritNeither, Confirmed: true, PhoneOffset: 17 * sec},
	{Name: "phone_5min_behind", Placement: Placed(-303*sec, -290*sec, -10, -9, 2), Clock: Measured(0),
		Status: checks.Warn, Culprit: totp.CulpritPhone, Confirmed: true, PhoneOffset: -298 * sec},
	{Name: "computer_95s_behind_phone_right", Placement: Placed(92*sec, 110*sec, 3, 4, 2), Clock: Measured(95 * sec),
		Status: checks.Fail, Culprit: totp.CulpritComputer, Confirmed: true, PhoneOffset: 2 * sec},
	{Name: "computer_95s_behind_phone_on_its_time", Placement: Placed(-3*sec, 20*sec, 0, 1, 2), Clock: Measured(95 * sec),
		Status: checks.Fail, Culprit: totp.CulpritBoth, Confirmed: true, PhoneOffset: -93 * sec},
	// This computer 15 s behind blames a clock, which one code never confirms.
	{Name: "computer_15s_behind_one_code", Placement: Placed(-5*sec, 35*sec, 0, 0, 1), Clock: Measured(15 * sec),
		Status: checks.Warn, Culprit: totp.CulpritComputer, PhoneOffset: -15 * sec},
	{Name: "true_time_unknown_phone_off", Placement: Placed(42*sec, 60*sec, 1, 2, 2),
		Status: checks.Warn, Culprit: totp.CulpritEither, Confirmed: true},
	{Name: "no_code_placed", Placement: totp.Placement{Period: Period, WindowSteps: totp.WindowFor(Period), Last: totp.FitNone},
		Clock: Measured(0), Status: checks.Fail, Culprit: totp.CulpritUnknown},
	{Name: "codes_fit_two_places", Placement: func() totp.Placement {
		p := Placed(-10*sec, 400*sec, 0, 13, 1)
		p.Candidates = 2
		return p
	}(), Clock: Measured(0), Status: checks.OK, Culprit: totp.CulpritNeither, PhoneOffset: -5 * sec},
}
