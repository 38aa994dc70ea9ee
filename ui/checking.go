package ui

import (
	"context"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/checks"
)

// stillCheckingAfter is how long a check runs before its row says it is taking a while.
const stillCheckingAfter = 2 * time.Second

// checkingPage runs the checks that matter for symptom ("" for every check) off the UI thread
// and fills a live list as each finishes; then it offers the wizard.
func (s *shell) checkingPage(symptom string) *page {
	ctx, cancel := context.WithCancel(context.Background())
	list := container.NewVBox()
	rows := map[string]*checkRow{}
	row := func(id string) *checkRow {
		if r, ok := rows[id]; ok {
			return r
		}
		r := newCheckRow(s.deps.Playbook.CheckTitle(id, s.lang))
		rows[id] = r
		// Rows keep the report's order (cause before effect), whichever check starts first.
		at := 0
		for _, other := range checks.CheckIDs() {
			if other == id {
				break
			}
			if rows[other] != nil {
				at++
			}
		}
		list.Objects = slices.Insert(list.Objects, at, fyne.CanvasObject(r))
		list.Refresh()
		return r
	}
	for _, id := range checks.ChecksFor(symptom) {
		row(id)
	}
	status := newWrapText(lang.L("Checking this computer… this takes a few seconds."))
	progress := widget.NewProgressBarInfinite()
	next := s.button(lang.L("See what to do"), theme.NavigateNextIcon(), nil)
	next.Importance = widget.HighImportance
	next.Disable()

	p := &page{
		title:   lang.L("Checking"),
		body:    container.NewVBox(status, progress, list),
		actions: []fyne.CanvasObject{next},
		leave:   cancel,
	}
	observe := func(ev checks.Event) {
		s.do(func() {
			r := row(ev.ID)
			switch ev.Kind {
			case checks.Started:
				r.running()
				time.AfterFunc(s.slowAfter, func() { s.do(r.slow) })
			case checks.Finished:
				r.done(ev.Result.Status, s.deps.Playbook.CheckLine(ev.Result, s.lang))
			}
		})
	}
	go func() {
		rep := s.deps.Checks.Diagnose(ctx, symptom, observe)
		s.do(func() {
			if ctx.Err() != nil {
				return // the person left the page
			}
			// Every row ends with a verdict, even for a check the run never reported on.
			for id, r := range rows {
				if r.state == rowDone {
					continue
				}
				res, ok := rep.Result(id)
				if !ok {
					res = checks.Result{ID: id, Status: checks.Skipped}
				}
				r.done(res.Status, s.deps.Playbook.CheckLine(res, s.lang))
			}
			progress.Stop()
			progress.Hide()
			status.SetText(lang.L("Done. Here is what was checked:"))
			next.OnTapped = func() { s.push(s.wizardPage(symptom, rep)) }
			next.Enable()
			s.win.Canvas().Focus(next)
		})
	}()
	return p
}
