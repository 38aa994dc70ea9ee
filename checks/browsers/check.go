package browsers

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// DefaultTimeout bounds the check: it reads a few hundred small files or registry values.
const DefaultTimeout = 2 * time.Second

// Source finds the installed browsers and the default one on one OS.
type Source interface {
	// Scan returns what it found. An error means it could not tell at all (nothing it
	// needed was readable); problems with single entries go in Inventory.Errors.
	Scan(ctx context.Context) (Inventory, error)
}

// Inventory is what a Source found.
type Inventory struct {
	Installed []Browser
	// Default is the browser that opens links; nil when the OS's settings do not say.
	Default *Browser
	// DefaultFrom says where Default was read: a file, a registry key, a command.
	DefaultFrom string
	// Errors lists what could not be read, for IT; they do not make the result unknown.
	Errors []string
	// Incomplete says a place that lists browsers failed to read for a reason other than
	// being absent (access denied): the list may lack a supported browser, so "none is
	// installed" cannot be said.
	Incomplete bool
}

// Options configure the check. The zero value checks this computer.
type Options struct {
	// Source finds the browsers; nil means this OS's own (XDG files on Linux, the registry on
	// Windows, application bundles on macOS).
	Source Source
	// Timeout is the check's deadline; zero means DefaultTimeout.
	Timeout time.Duration
}

// Check is the browsers check.
type Check struct {
	source  Source
	timeout time.Duration
}

// New returns the browsers check.
func New(opts Options) *Check {
	c := &Check{source: opts.Source, timeout: opts.Timeout}
	if c.source == nil {
		c.source = defaultSource()
	}
	if c.timeout <= 0 {
		c.timeout = DefaultTimeout
	}
	return c
}

// Spec implements checks.Check: no needs, as it works offline.
func (c *Check) Spec() checks.Spec {
	return checks.Spec{ID: checks.Browsers, Timeout: c.timeout}
}

// Run implements checks.Check.
func (c *Check) Run(ctx context.Context, _ checks.Prior) checks.Result {
	type scanned struct {
		inv Inventory
		err error
	}
	done := make(chan scanned, 1)
	go func() {
		inv, err := c.source.Scan(ctx)
		done <- scanned{inv, err}
	}()
	select {
	case <-ctx.Done():
		return checks.Unknowable("browsers not read in time", fmt.Errorf("scanning browsers: %w", ctx.Err()))
	case s := <-done:
		if s.err != nil {
			// What failed to read, each with its raw error, is what IT needs to see.
			return checks.Finish(checks.Unknown, "could not read the installed browsers",
				&Data{Installed: []Browser{}, Errors: s.inv.Errors, Error: s.err.Error()})
		}
		return verdict(s.inv)
	}
}

// verdict turns an inventory into the check's result.
func verdict(inv Inventory) checks.Result {
	sortBrowsers(inv.Installed)
	if inv.Installed == nil {
		inv.Installed = []Browser{}
	}
	data := &Data{Installed: inv.Installed, Default: inv.Default, DefaultFrom: inv.DefaultFrom, Errors: inv.Errors}
	best, ok := suggest(inv.Installed)
	switch {
	case !ok && inv.Incomplete:
		data.Error = "no supported browser among those found, and a place that lists browsers could not be read (see errors)"
		return checks.Finish(checks.Unknown, "no browser Google sign-in supports was found, but not every place that lists browsers could be read", data)
	case !ok:
		found := inv.Installed
		if inv.Default != nil {
			// A default that is not offered (Konqueror's https handler is hidden from menus)
			// is still a browser the person has.
			found = append(slices.Clone(found), *inv.Default)
		}
		summary := "no browser Google sign-in supports is installed"
		if len(found) > 0 {
			summary += " (found " + names(found) + ")"
		}
		return checks.Finish(checks.Fail, summary, data, checks.Finding{
			ID: checks.FindingNoSupportedBrowser, Severity: checks.Fail,
			Params: map[string]string{"installed": names(found)},
		})
	case inv.Default == nil:
		data.Error = "no default browser is set where this check looks"
		return checks.Finish(checks.Unknown, supportedSummary(inv.Installed)+"; default browser unknown", data)
	case !inv.Default.Supported:
		return checks.Finish(checks.Warn,
			fmt.Sprintf("default browser %s is not supported by Google sign-in; %s is installed", inv.Default.Name, best.Name),
			data, checks.Finding{
				ID: checks.FindingDefaultUnsupported, Severity: checks.Warn,
				Params: map[string]string{"default": inv.Default.Name, "suggestion": best.Name},
			})
	}
	return checks.Finish(checks.OK, fmt.Sprintf("default browser %s is supported; %s", inv.Default.Name, supportedSummary(inv.Installed)), data)
}

// supportedSummary counts the supported browsers for the one-line summary.
func supportedSummary(installed []Browser) string {
	var ok []Browser
	for _, b := range installed {
		if b.Supported {
			ok = append(ok, b)
		}
	}
	return fmt.Sprintf("%d of %d installed browsers supported (%s)", len(ok), len(installed), names(ok))
}

// Data is what the browsers check found: its result's Data, whose JSON form is the details
// the package doc lists.
type Data struct {
	Installed   []Browser `json:"installed"`
	Default     *Browser  `json:"default"` // nil when the OS's settings do not say
	DefaultFrom string    `json:"default_from"`
	Errors      []string  `json:"errors,omitempty"` // what could not be read, for IT
	Error       string    `json:"error,omitempty"`
}

// FromResult returns the browsers a result of this check found, for the wizard's "open in
// this browser" action: the installed ones and the default (nil when unknown).
func FromResult(r checks.Result) (installed []Browser, def *Browser) {
	d, _ := checks.PayloadOf[Data](r)
	return d.Installed, d.Default
}
