package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/checks"
)

// rowState is where one check is in a run.
type rowState int

const (
	rowWaiting rowState = iota // not started: it waits for the checks it needs
	rowRunning
	rowSlow // running for longer than stillCheckingAfter
	rowDone
)

// checkRow is one entry of the live check list: a sign (a spinner while the check runs, then
// ✓ ! ✗ ? or -), the check's name, and under it what it found in one line.
type checkRow struct {
	widget.BaseWidget
	name    *widget.Label
	line    *wrapText
	icon    *widget.Icon
	spinner *widget.Activity
	state   rowState
	status  checks.Status
	summary string
}

// newCheckRow returns the row of the check called name, waiting.
func newCheckRow(name string) *checkRow {
	r := &checkRow{
		name:    widget.NewLabelWithStyle(name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		line:    newWrapText(lang.L("waiting…")),
		icon:    widget.NewIcon(nil),
		spinner: widget.NewActivity(),
	}
	r.spinner.Hide()
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays the sign, the name and the line out in a row.
func (r *checkRow) CreateRenderer() fyne.WidgetRenderer {
	// The name sits above its line, so that a long name in either language never runs into
	// the line, and the line has the whole width to wrap in.
	sign := container.NewCenter(container.NewStack(r.icon, r.spinner))
	text := container.New(layout.NewCustomPaddedVBoxLayout(-2*theme.Padding()), r.name, r.line)
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, sign, nil, text))
}

// running marks the check as started.
func (r *checkRow) running() {
	r.state = rowRunning
	r.line.SetText(lang.L("checking…"))
	r.icon.Hide()
	r.spinner.Show()
	r.spinner.Start()
}

// slow says the check is taking long, if it is still running.
func (r *checkRow) slow() {
	if r.state != rowRunning {
		return
	}
	r.state = rowSlow
	r.line.SetText(lang.L("still checking… (this can take a few seconds)"))
}

// done shows the check's status and its one-line summary in the person's language.
func (r *checkRow) done(status checks.Status, summary string) {
	r.state = rowDone
	r.status = status
	r.summary = summary
	r.spinner.Stop()
	r.spinner.Hide()
	r.icon.SetResource(statusIcon(status))
	r.icon.Show()
	r.line.SetText(summary)
}

// statusIcon is the sign of a status: ✓ green, ! amber, ✗ red; "could not tell" is a calm
// question mark in the text colour, not an alarm, and skipped is a dash.
func statusIcon(s checks.Status) fyne.Resource {
	switch s {
	case checks.OK:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case checks.Warn:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	case checks.Fail:
		return theme.NewErrorThemedResource(theme.CancelIcon())
	case checks.Skipped:
		return theme.NewDisabledResource(theme.ContentRemoveIcon())
	}
	return theme.QuestionIcon()
}
