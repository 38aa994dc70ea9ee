package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/checks"
)

// recheckPage runs the symptom's checks again, after a remedy, and shows each check before and
// after ("Computer clock: The clock is far off → The clock is right"). What is still wrong
// leads back to its remedy; when nothing is, the wizard asks whether sign-in works now.
func (s *shell) recheckPage(w *wizard) *page {
	ctx, cancel := context.WithCancel(context.Background())
	status := newWrapText(lang.L("Checking again… this takes a few seconds."))
	progress := widget.NewProgressBarInfinite()
	list := container.NewVBox()
	next := s.button(lang.L("Back to what to do"), theme.NavigateNextIcon(), nil)
	next.Importance = widget.HighImportance
	next.Disable()
	p := &page{title: lang.L("Check again"), body: container.NewVBox(status, progress, list),
		actions: []fyne.CanvasObject{next}, leave: cancel}
	before := w.report
	go func() {
		after := s.deps.Checks.Diagnose(ctx, w.symptom, nil)
		s.do(func() {
			if ctx.Err() != nil {
				return // the person left the page
			}
			progress.Stop()
			progress.Hide()
			for _, id := range checks.ChecksFor(w.symptom) {
				list.Add(s.beforeAfter(id, before, after))
			}
			fixed := !s.deps.Playbook.Advise(after, w.symptom, s.lang, s.deps.Platform).Detected()
			if fixed {
				status.SetText(lang.L("Everything checked is in order now."))
				next.SetText(lang.L("Continue"))
			} else {
				status.SetText(lang.L("Something is still wrong: its remedy comes next."))
			}
			next.OnTapped = func() {
				s.back()
				if fixed {
					w.report = after
					w.show(len(w.remedies))
					return
				}
				w.update(after)
			}
			next.Enable()
			s.win.Canvas().Focus(next)
		})
	}()
	return p
}

// beforeAfter is one check's line before and after: its title, the first run's words, and the
// new run's with its status sign.
func (s *shell) beforeAfter(id string, before, after checks.Report) fyne.CanvasObject {
	was, ok := before.Result(id)
	if !ok {
		was = checks.Result{ID: id, Status: checks.Skipped}
	}
	now, ok := after.Result(id)
	if !ok {
		now = checks.Result{ID: id, Status: checks.Skipped}
	}
	book := s.deps.Playbook
	text := lang.L("{{.Check}}: {{.Before}} → {{.After}}", map[string]any{
		"Check": book.CheckTitle(id, s.lang), "Before": book.CheckLine(was, s.lang), "After": book.CheckLine(now, s.lang)})
	return iconText(statusIcon(now.Status), text)
}
