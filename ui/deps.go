package ui

import (
	"context"
	"net/url"
	"time"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/config"
)

// Deps is everything the window needs from outside Fyne, given by cmd/signin-doctor. The
// window runs nothing itself: it asks these funcs, off the UI thread where they may block.
// A nil func hides the button that would call it.
type Deps struct {
	// Diagnose runs the checks that matter for symptom ("" means every check) and tells
	// observe as each starts and finishes. It is called off the UI thread and must honour ctx.
	Diagnose func(ctx context.Context, symptom string, observe func(checks.Event)) checks.Report
	// Playbook is the content: symptoms, remedies, what findings mean.
	Playbook *playbook.Playbook
	// Helpdesk is who "ask your administrator" means; empty when IT named nobody.
	Helpdesk config.Helpdesk
	// Hidden lists symptom ids the home screen does not offer (config playbook.hidden).
	Hidden []string
	// Platform is this computer's system, runtime.GOOS; it picks a remedy's per-OS steps.
	Platform string
	// Version is the app's version, for the report.
	Version string
	// FontsLoaded, when set, is closed once LoadFonts has loaded the fonts off the UI thread;
	// New waits for it after opening the window and before laying out the first page.
	FontsLoaded <-chan struct{}
	// ConfigError, when set, is why the configuration could not be read: the window says so
	// (file, line, key) and goes on with the defaults.
	ConfigError error

	// OpenURL opens a web page in the default browser (fyne.App.OpenURL).
	OpenURL func(u *url.URL) error
	// OpenInSupportedBrowser opens a URL in a browser the service supports, not an embedded
	// web view (Google refuses those: disallowed_useragent).
	OpenInSupportedBrowser func(ctx context.Context, rawURL string) error
	// OpenDateTimeSettings opens this system's date and time settings.
	OpenDateTimeSettings func() error
	// ClockOffset measures this computer's clock against true time (the clock check): the
	// offset is true time minus local time. ok is false when it could not tell (offline).
	ClockOffset func(ctx context.Context) (offset time.Duration, ok bool)
	// ClockThresholds are the configured ones ([clock] warn_seconds, fail_seconds): the
	// one-time-code verdict judges this computer's clock by them, as the clock check does.
	ClockThresholds clock.Thresholds
}

// hidden reports whether the home screen leaves symptom id out.
func (d Deps) hidden(id string) bool {
	for _, h := range d.Hidden {
		if h == id {
			return true
		}
	}
	return false
}
