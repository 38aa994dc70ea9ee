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

// Deps is everything the window needs from outside Fyne, given by cmd/signin-doctor: the
// services each screen asks for, as small interfaces (the checking page a Diagnoser, the
// one-time-code screen a ClockReader, the remedies' buttons the openers), and the data it
// shows. The window runs nothing itself: it calls the services off the UI thread where they
// may block. A nil service hides the buttons that would use it.
type Deps struct {
	Checks   Diagnoser
	Clock    ClockReader    // nil: the one-time-code screen compares with this computer only
	Browser  BrowserOpener  // nil: no "open in a supported browser"
	Links    LinkOpener     // nil: links are not offered
	Settings SettingsOpener // nil: no "open date and time settings"

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
	// Region, when set, means IT named no Zoho data centre: the window asks the person at
	// their first diagnosis, and the checks, the clock and the remedies' links follow the
	// answer until the window closes. Nil: IT named it, and nobody is asked.
	Region RegionChooser
}

// RegionChooser offers Zoho's data centres and makes the services for the one chosen.
type RegionChooser interface {
	Regions() []config.Region
	Choose(id string) (Diagnoser, ClockReader, *playbook.Playbook)
}

// Diagnoser runs the checks that matter for symptom ("" means every check) and tells observe
// as each starts and finishes. It is called off the UI thread and must honour ctx.
type Diagnoser interface {
	Diagnose(ctx context.Context, symptom string, observe func(checks.Event)) checks.Report
}

// DiagnoseFunc is a func that is a Diagnoser.
type DiagnoseFunc func(ctx context.Context, symptom string, observe func(checks.Event)) checks.Report

// Diagnose implements Diagnoser.
func (f DiagnoseFunc) Diagnose(ctx context.Context, symptom string, observe func(checks.Event)) checks.Report {
	return f(ctx, symptom, observe)
}

// ClockReader measures this computer's clock against true time (the clock check): the offset
// is true time minus local time, ok false when it could not tell (offline). Thresholds are the
// configured ones ([clock] warn_seconds, fail_seconds), by which the one-time-code verdict
// judges this computer's clock, as the clock check does.
type ClockReader interface {
	ClockOffset(ctx context.Context) (offset time.Duration, ok bool)
	Thresholds() clock.Thresholds
}

// BrowserOpener opens a URL in a browser the service supports, not an embedded web view
// (Google refuses those: disallowed_useragent).
type BrowserOpener interface {
	OpenInSupportedBrowser(ctx context.Context, rawURL string) error
}

// LinkOpener opens a web page in the default browser (fyne.App is one).
type LinkOpener interface {
	OpenURL(u *url.URL) error
}

// SettingsOpener opens this system's date and time settings.
type SettingsOpener interface {
	OpenDateTimeSettings() error
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
