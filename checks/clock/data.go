package clock

import (
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// Data is what the clock check measured: its result's Data, whose JSON form is the details
// the package doc lists. The one-time-code screen and command read the offset through
// OffsetFrom.
type Data struct {
	// OffsetMS is true time minus local time (positive: this clock is behind); it and the
	// two bounds are nil when no source answered.
	OffsetMS *float64 `json:"offset_ms,omitempty"`
	ErrorMS  *float64 `json:"error_ms,omitempty"` // half the round trip plus the source's own error
	RTTMS    *float64 `json:"rtt_ms,omitempty"`
	Server   string   `json:"server,omitempty"`
	Method   string   `json:"method,omitempty"` // MethodNTP or MethodHTTPSDate
	// Servers is every time source's outcome in this run.
	Servers []ServerOutcome `json:"servers"`
	Error   string          `json:"error,omitempty"` // why no source could tell
}

// Offset is true time minus this computer's clock; ok is false when no source answered.
func (d Data) Offset() (offset time.Duration, ok bool) {
	if d.OffsetMS == nil {
		return 0, false
	}
	return time.Duration(*d.OffsetMS * float64(time.Millisecond)), true
}

// From returns the clock check's data; ok is false when the result holds none.
func From(r checks.Result) (Data, bool) {
	return checks.PayloadOf[Data](r)
}

// OffsetFrom returns true time minus this computer's clock, when the clock check could tell:
// known is false for a result that measured nothing (offline, no source answered, skipped).
func OffsetFrom(r checks.Result) (offset time.Duration, known bool) {
	d, ok := From(r)
	if !ok || r.Status == checks.Unknown || r.Status == checks.Skipped {
		return 0, false
	}
	return d.Offset()
}
