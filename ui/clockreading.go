package ui

import (
	"context"

	"fyne.io/fyne/v2/lang"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// measureClock asks the clock check, off the UI thread, how far this computer is from true
// time, and says so on label; measured then gets the reading on the UI thread, unless ctx
// ended first (the screen was left). Without a clock to ask, it does nothing.
func (s *shell) measureClock(ctx context.Context, label *wrapText, measured func(totp.ClockReading)) {
	if s.deps.Clock == nil {
		return
	}
	label.SetText(lang.L("Measuring this computer's clock…"))
	go func() {
		offset, ok := s.deps.Clock.ClockOffset(ctx)
		s.do(func() {
			if ctx.Err() != nil {
				return
			}
			r := totp.ClockReading{Offset: offset, Known: ok}
			label.SetText(clockReadingWords(r))
			measured(r)
		})
	}()
}

// clockReadingWords says what the clock check measured of this computer's clock.
func clockReadingWords(r totp.ClockReading) string {
	if !r.Known {
		return lang.L("This computer's clock could not be measured (no answer from a time server), so the result compares the phone with this computer only.")
	}
	return clockSentence(r.Offset)
}
