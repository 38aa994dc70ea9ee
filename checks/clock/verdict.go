package clock

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// timezoneSlack is how close to a whole number of hours an offset must be to read as a clock
// set by hand in the wrong time zone rather than a drifting one.
const timezoneSlack = 2 * time.Minute

// verdict turns a measurement into the check's result.
func (c *Check) verdict(m measurement, outcomes []ServerOutcome) checks.Result {
	data := &Data{OffsetMS: msPtr(m.Offset), ErrorMS: msPtr(m.Error), RTTMS: msPtr(m.RTT),
		Server: m.Server, Method: m.Method, Servers: outcomes}
	status := c.status(m.Offset)
	var findings []checks.Finding
	if status != checks.OK {
		findings = append(findings, checks.Finding{ID: checks.FindingClockSkew, Severity: status,
			Params: map[string]string{
				"offset_seconds": seconds(m.Offset.Abs()),
				"direction":      direction(m.Offset),
				"error_seconds":  seconds(m.Error),
				"server":         m.Server,
			}})
	}
	if hours, ok := wholeHours(m.Offset); ok {
		// Thresholds IT set above an hour must not hide a clock set in the wrong zone.
		findings = append(findings, checks.Finding{ID: checks.FindingTimezoneMismatch, Severity: checks.Worst(status, checks.Warn),
			Params: map[string]string{"hours": strconv.Itoa(hours), "direction": direction(m.Offset)}})
	}
	return checks.Finish(status, summary(m), data, findings...)
}

// status applies the configured thresholds to |offset|.
func (c *Check) status(offset time.Duration) checks.Status {
	return c.opts.Thresholds.Judge(offset)
}

// wholeHours returns |offset| in whole hours when it is an hour or more and within
// timezoneSlack of a whole number of hours.
func wholeHours(offset time.Duration) (int, bool) {
	a := offset.Abs()
	hours := a.Round(time.Hour)
	if hours < time.Hour || (a-hours).Abs() > timezoneSlack {
		return 0, false
	}
	return int(hours / time.Hour), true
}

// direction says where this computer's clock stands: a positive offset (true minus local)
// means it is behind.
func direction(offset time.Duration) string {
	if offset > 0 {
		return "behind"
	}
	return "ahead"
}

// seconds formats d as seconds with one decimal, or two below a second, for Params.
func seconds(d time.Duration) string {
	s := d.Seconds()
	if math.Abs(s) < 1 {
		return strconv.FormatFloat(s, 'f', 2, 64)
	}
	return strconv.FormatFloat(s, 'f', 1, 64)
}

// summary is the one line for IT: "clock is 95.2 s behind (±0.04 s, ntp.nict.jp)".
func summary(m measurement) string {
	via := m.Server
	if m.Method == MethodHTTPSDate {
		via = "HTTPS Date of " + m.Server
	}
	return fmt.Sprintf("clock is %s s %s (±%s s, %s)", seconds(m.Offset.Abs()), direction(m.Offset), seconds(m.Error), via)
}
