package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// wizard walks the person from what was found to the remedy, one step at a time.
type wizard struct {
	s       *shell
	symptom string // as chosen: "" when the person was not sure
	report  checks.Report
	advice  playbook.Advice
	steps   []wizardStep // the remedies' steps in order, flattened
	at      int          // -1: what was found; 0…len(steps)-1: a step; len(steps): the end

	body       *fyne.Container
	position   *widget.Label
	back, next *button
	pg         *page
}

// wizardStep is one step of one remedy.
type wizardStep struct {
	remedy playbook.RemedyView
	step   playbook.StepView
	n, of  int // the step's place in its remedy
}

// wizardPage advises on symptom ("" when the person was not sure) from the report of the
// checks, in the person's language and for this computer.
func (s *shell) wizardPage(symptom string, rep checks.Report) *page {
	w := &wizard{s: s, symptom: symptom, report: rep, at: -1,
		advice:   s.deps.Playbook.Advise(rep, symptom, s.lang, s.deps.Platform),
		body:     container.NewVBox(),
		position: widget.NewLabel(""),
	}
	w.back = s.button(lang.L("Previous"), theme.NavigateBackIcon(), func() { w.show(w.at - 1) })
	w.next = s.button(lang.L("Next"), theme.NavigateNextIcon(), func() { w.show(w.at + 1) })
	w.next.Importance = widget.HighImportance
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.setRemedies(w.advice.Remedies)
	title := lang.L("What to do")
	if sym, ok := s.deps.Playbook.Symptom(w.advice.Symptom); ok {
		title = sym.Title.In(s.lang)
	}
	w.pg = &page{title: title, body: w.body, actions: []fyne.CanvasObject{w.position, w.back, w.next}}
	w.show(-1)
	return w.pg
}

// setRemedies makes the steps of remedies the wizard's steps.
func (w *wizard) setRemedies(remedies []playbook.RemedyView) {
	w.steps = w.steps[:0]
	for _, r := range remedies {
		for i, st := range r.Steps {
			w.steps = append(w.steps, wizardStep{remedy: r, step: st, n: i + 1, of: len(r.Steps)})
		}
	}
}

// show shows card at: what was found (-1), a step, or the end.
func (w *wizard) show(at int) {
	w.at = max(-1, min(at, len(w.steps)))
	w.body.RemoveAll()
	w.back.Enable()
	w.next.Enable()
	w.next.Show()
	w.position.SetText("")
	focus := fyne.Focusable(w.next)
	switch {
	case w.at < 0:
		w.back.Disable()
		if q := w.advice.Question; q != nil && w.advice.Situation == "" {
			w.next.Disable()
			focus = w.foundCard(q)
		} else {
			w.foundCard(nil)
		}
	case w.at < len(w.steps):
		w.stepCard(w.steps[w.at])
		w.position.SetText(lang.L("Step {{.N}} of {{.M}}", map[string]any{"N": w.at + 1, "M": len(w.steps)}))
	default:
		w.next.Hide()
		focus = w.endCard()
	}
	w.body.Refresh()
	if w.s.current() == w.pg {
		w.s.scroll.ScrollToTop() // a new card is read from its top
		w.s.win.Canvas().Focus(focus)
	} else {
		w.pg.focus = focus
	}
}

// foundCard says what the checks found, in plain words, and why this message appears. With a
// question it asks it and returns the first answer's button for the focus.
func (w *wizard) foundCard(q *playbook.Question) fyne.Focusable {
	a := w.advice
	w.add(heading(lang.L("What was found")))
	for _, f := range a.Findings {
		w.body.Add(iconText(statusIcon(f.Severity), f.Message))
	}
	if !a.Detected() && len(w.report.Results) > 0 {
		w.add(paragraph(lang.L("The checks found nothing wrong on this computer. The usual remedies for this message follow.")))
	}
	if !a.Detected() && len(w.report.Results) == 0 {
		w.add(paragraph(lang.L("This message does not come from this computer, so there is nothing to check here. The remedies follow.")))
	}
	if a.HasUnknown() {
		w.add(paragraph(lang.L("Some things could not be checked. That is not an error: it often means the network did not answer in time.")))
		for _, u := range a.Unknown {
			w.body.Add(iconText(statusIcon(checks.Unknown), u.Title+": "+u.Line))
		}
	}
	// The question comes before the background, so its answers show without scrolling.
	var first fyne.Focusable
	if q != nil {
		first = w.question(q)
	}
	if sym, ok := w.s.deps.Playbook.Symptom(a.Symptom); ok {
		w.aboutSymptom(sym)
	}
	return first
}

// question asks which situation the person is in; each answer leads to its remedies. It
// returns the first answer, for the focus.
func (w *wizard) question(q *playbook.Question) fyne.Focusable {
	w.add(heading(q.Text))
	var first fyne.Focusable
	for _, c := range q.Choices {
		b := w.s.button(c.Label, theme.NavigateNextIcon(), func() {
			w.advice = w.advice.Choose(c.ID)
			w.setRemedies(w.advice.Remedies)
			w.show(0)
		})
		b.Alignment = widget.ButtonAlignLeading
		if first == nil {
			first = b
		}
		w.body.Add(b)
	}
	return first
}

// aboutSymptom tells what the message means and its causes, as the article does.
func (w *wizard) aboutSymptom(sym playbook.Symptom) {
	if t := sym.Error.In(w.s.lang); t != "" {
		w.add(heading(lang.L("The message")))
		w.add(paragraph(t))
	}
	if t := sym.About.In(w.s.lang); t != "" {
		w.add(paragraph(t))
	}
	if len(sym.Causes) > 0 {
		w.add(heading(lang.L("Why it happens")))
		for _, c := range sym.Causes {
			w.add(bullet(c.In(w.s.lang)))
		}
	}
}

// stepCard shows one step of a remedy with its buttons.
func (w *wizard) stepCard(st wizardStep) {
	w.add(heading(st.remedy.Title))
	if st.n == 1 && st.remedy.Intro != "" {
		w.add(paragraph(st.remedy.Intro))
	}
	if st.of > 1 && st.of < len(w.steps) {
		// Several remedies: where this step is in its own remedy, besides "Step n of m".
		w.add(widget.NewLabel(lang.L("{{.N}} of {{.M}} in this remedy", map[string]any{"N": st.n, "M": st.of})))
	}
	text := st.step.Text
	if st.step.PlatformLabel != "" {
		text = st.step.PlatformLabel + ": " + text
	}
	w.add(paragraph(text))
	if st.step.Helpdesk {
		w.body.Add(w.s.helpdeskCard())
	}
	if row := w.s.actionButtons(st.step.Actions); row != nil {
		w.body.Add(row)
	}
}

// endCard asks whether it helped and offers the other remedies, the report and a new start;
// it returns the control to focus.
func (w *wizard) endCard() fyne.Focusable {
	w.position.SetText(lang.L("Done"))
	w.add(heading(lang.L("Did that help?")))
	w.add(paragraph(lang.L("If you can sign in now, you are done. If not, try another remedy below or share a report with your helpdesk.")))
	for _, r := range w.advice.More {
		b := w.s.button(r.Title, theme.NavigateNextIcon(), func() {
			w.setRemedies([]playbook.RemedyView{r})
			w.show(0)
		})
		b.Alignment = widget.ButtonAlignLeading
		w.body.Add(b)
	}
	if w.s.deps.Helpdesk.Configured() {
		w.body.Add(w.s.helpdeskCard())
	}
	report := w.s.button(lang.L("Share a report…"), theme.DocumentIcon(), func() {
		w.s.push(w.s.reportPage(w.report, w.advice, w.symptom))
	})
	report.Importance = widget.HighImportance
	again := w.s.button(lang.L("Start over"), theme.HomeIcon(), w.s.home)
	w.body.Add(container.NewHBox(report, again))
	return report
}

func (w *wizard) add(o fyne.CanvasObject) { w.body.Add(o) }

// heading is a bold line.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// paragraph is wrapped text.
func paragraph(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// iconText is a sign before wrapped text, level with its first line.
func iconText(icon fyne.Resource, text string) fyne.CanvasObject {
	return beside(widget.NewIcon(icon), paragraph(text))
}

// bullet is a list item: a bullet before wrapped text. (Written as one string, a Japanese
// line would break after the bullet: Fyne wraps at spaces first.)
func bullet(text string) fyne.CanvasObject {
	return container.NewBorder(nil, nil, widget.NewLabel("•"), nil, paragraph(text))
}

// beside puts sign at the left of text, aligned with text's first line.
func beside(sign, text fyne.CanvasObject) fyne.CanvasObject {
	top := theme.InnerPadding()
	return container.NewBorder(nil, nil, container.NewVBox(container.New(layout.NewCustomPaddedLayout(top, 0, 0, 0), sign)), nil, text)
}
