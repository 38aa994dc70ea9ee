package ui

import (
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// wizard walks the person from what was found to the remedies, one remedy to a page: its
// steps as a numbered checklist, the current one marked, each step's buttons beside it.
type wizard struct {
	s       *shell
	symptom string // as chosen: "" when the person was not sure
	report  checks.Report
	advice  playbook.Advice
	// remedies are the remedies to follow, in order; at is -1 for what was found, then the
	// remedy shown, len(remedies) for the end.
	remedies []playbook.RemedyView
	at       int
	done     map[string]bool // "remedy/step" ticked off, kept while the wizard lives
	// ticked is the step whose box was just ticked: the page is made again, and the focus
	// goes to that step's new box (tickedBox) so that Tab goes on from where it was.
	ticked    string
	tickedBox fyne.Focusable

	body       *fyne.Container
	position   *widget.Label
	back, next *button
	pg         *page
}

// wizardPage advises on symptom ("" when the person was not sure) from the report of the
// checks, in the person's language and for this computer.
func (s *shell) wizardPage(symptom string, rep checks.Report) *page {
	w := &wizard{s: s, symptom: symptom, report: rep, at: -1, done: map[string]bool{},
		advice:   s.deps.Playbook.Advise(rep, symptom, s.lang, s.deps.Platform),
		body:     container.NewVBox(),
		position: widget.NewLabel(""),
	}
	w.back = s.button(lang.L("Previous"), theme.NavigateBackIcon(), func() { w.show(w.at - 1) })
	w.next = s.button(lang.L("Next"), theme.NavigateNextIcon(), func() { w.show(w.at + 1) })
	w.next.Importance = widget.HighImportance
	w.next.IconPlacement = widget.ButtonIconTrailingText
	w.remedies = w.advice.Remedies
	title := lang.L("What to do")
	if sym, ok := s.deps.Playbook.Symptom(w.advice.Symptom); ok {
		title = sym.Title.In(s.lang)
	}
	w.pg = &page{title: title, body: w.body, actions: []fyne.CanvasObject{w.position, w.back, w.next}}
	w.show(-1)
	return w.pg
}

// show shows what was found (-1), a remedy, or the end, read from its top.
func (w *wizard) show(at int) {
	w.at = max(-1, min(at, len(w.remedies)))
	w.render(nil)
	if w.s.current() == w.pg {
		w.s.scroll.ScrollToTop()
	}
}

// render draws the current card; focus, when set, says which control gets the focus instead of
// the card's own choice.
func (w *wizard) render(focus fyne.Focusable) {
	w.body.RemoveAll()
	w.back.Enable()
	w.next.Enable()
	w.next.Show()
	w.next.SetText(lang.L("Next"))
	w.position.SetText("")
	own := fyne.Focusable(w.next)
	switch {
	case w.at < 0:
		w.back.Disable()
		if q := w.advice.Question; q != nil && w.advice.Situation == "" {
			w.next.Disable()
			own = w.foundCard(q)
		} else {
			w.foundCard(nil)
		}
	case w.at < len(w.remedies):
		w.next.SetText(lang.L("Next remedy"))
		if w.at == len(w.remedies)-1 {
			w.next.SetText(lang.L("Finish"))
		}
		if f := w.remedyCard(w.remedies[w.at]); f != nil {
			own = f
		}
		w.position.SetText(lang.L("Remedy {{.N}} of {{.M}}", map[string]any{"N": w.at + 1, "M": len(w.remedies)}))
	default:
		w.next.Hide()
		own = w.endCard()
	}
	if focus == nil && w.tickedBox != nil {
		focus = w.tickedBox // the focus stays on the box just ticked
	}
	w.ticked, w.tickedBox = "", nil
	if focus == nil {
		focus = own
	}
	if w.position.Text == "" {
		w.position.Hide() // else a screen reader hears an empty line
	} else {
		w.position.Show()
	}
	w.body.Refresh()
	if w.s.current() == w.pg {
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
			w.remedies = w.advice.Remedies
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

// remedyCard shows a remedy whole: its steps as a numbered checklist, the first not yet ticked
// off marked as the current one. Where its steps differ by phone it asks once which phone the
// person has (the window remembers it) and shows only that phone's steps. It returns the
// control to focus: the phone question's first answer, or nothing (Next).
func (w *wizard) remedyCard(r playbook.RemedyView) fyne.Focusable {
	w.add(heading(r.Title))
	if r.Intro != "" {
		w.add(paragraph(r.Intro))
	}
	var ask fyne.Focusable
	if phoneSteps(r) && w.s.phone == "" {
		ask = w.askPhone()
	}
	steps := w.visibleSteps(r)
	current := -1
	for i := range steps {
		if !w.done[stepKey(r, steps[i].n)] {
			current = i
			break
		}
	}
	for i, st := range steps {
		w.body.Add(w.stepRow(r, st, i+1, i == current))
	}
	if current < 0 && len(steps) > 0 {
		w.add(iconText(theme.ConfirmIcon(), lang.L("Every step of this remedy is done.")))
	}
	if again := w.checkAgainButton(); again != nil {
		w.body.Add(container.NewHBox(again))
	}
	return ask
}

// numberedStep is a step as the remedy page shows it: n is its place among all the remedy's
// steps (for remembering it), whichever are shown.
type numberedStep struct {
	playbook.StepView
	n int
}

// visibleSteps are the remedy's steps for this computer and the person's phone: a phone's
// steps show once the person said it is theirs (remedyCard asks first), no other phone's ever.
func (w *wizard) visibleSteps(r playbook.RemedyView) []numberedStep {
	var out []numberedStep
	for i, st := range r.Steps {
		if isPhone(st.Platform) && st.Platform != w.s.phone {
			continue
		}
		out = append(out, numberedStep{StepView: st, n: i + 1})
	}
	return out
}

// stepRow is one line of the checklist: its number (an arrow on the current step, a tick on a
// done one), its text, the helpdesk's contact where it sends the person there, its buttons,
// and the box to tick it off.
func (w *wizard) stepRow(r playbook.RemedyView, st numberedStep, n int, current bool) fyne.CanvasObject {
	key := stepKey(r, st.n)
	mark := widget.NewIcon(nil)
	switch {
	case w.done[key]:
		mark.SetResource(theme.ConfirmIcon())
	case current:
		mark.SetResource(theme.NavigateNextIcon())
	}
	number := newSpokenLabel(fmt.Sprintf("%d.", n), stepSpoken(n, w.done[key], current), fyne.TextStyle{Bold: current})
	text := paragraph(st.Text)
	text.TextStyle.Bold = current
	col := container.NewVBox(text)
	if st.Helpdesk {
		col.Add(w.s.helpdeskCard())
	}
	if row := w.s.withCalibration(w.s.actionButtons(st.Actions), st.Actions); row != nil {
		col.Add(row)
	}
	tick := newDoneBox(n, w.done[key], func(on bool) {
		w.done[key] = on
		w.ticked = key
		w.render(nil)
	})
	tick.ring.focused = w.s.reveal
	if key == w.ticked {
		w.tickedBox = tick
	}
	col.Add(tick)
	// The mark and the number stay level with the step's first line, however long it runs.
	return container.NewBorder(nil, nil, container.NewVBox(container.NewHBox(mark, number)), nil, col)
}

// stepSpoken is how a screen reader hears a step's number: what the mark beside it shows.
func stepSpoken(n int, done, current bool) string {
	switch {
	case done:
		return lang.L("Step {{.N}}, done", map[string]any{"N": n})
	case current:
		return lang.L("Step {{.N}}, the current step", map[string]any{"N": n})
	}
	return lang.L("Step {{.N}}", map[string]any{"N": n})
}

// askPhone asks which phone the person has, once for the window; it returns the first answer.
func (w *wizard) askPhone() fyne.Focusable {
	w.add(paragraph(lang.L("The steps differ by phone. Which phone do you use?")))
	var first fyne.Focusable
	for _, c := range []struct{ label, platform string }{{lang.L("iPhone"), playbook.IOS}, {lang.L("Android"), playbook.Android}} {
		b := w.s.button(c.label, theme.NavigateNextIcon(), func() {
			w.s.phone = c.platform
			w.render(nil)
		})
		b.Alignment = widget.ButtonAlignLeading
		if first == nil {
			first = b
		}
		w.body.Add(b)
	}
	return first
}

func phoneSteps(r playbook.RemedyView) bool {
	return slices.ContainsFunc(r.Steps, func(st playbook.StepView) bool { return isPhone(st.Platform) })
}

func isPhone(platform string) bool { return platform == playbook.IOS || platform == playbook.Android }

func stepKey(r playbook.RemedyView, n int) string { return fmt.Sprintf("%s/%d", r.ID, n) }

// checkAgainButton re-runs the symptom's checks, when it has any, to show whether the remedy
// worked.
func (w *wizard) checkAgainButton() *button {
	if len(checks.ChecksFor(w.symptom)) == 0 || w.s.deps.Checks == nil {
		return nil
	}
	return w.s.button(lang.L("Check again"), theme.ViewRefreshIcon(), func() { w.s.push(w.s.recheckPage(w)) })
}

// update takes the report of a new run of the checks: the advice follows it, and the wizard
// starts again at its first remedy (what is still wrong leads back to its remedy).
func (w *wizard) update(rep checks.Report) {
	w.report = rep
	situation := w.advice.Situation
	w.advice = w.s.deps.Playbook.Advise(rep, w.symptom, w.s.lang, w.s.deps.Platform)
	if situation != "" {
		w.advice = w.advice.Choose(situation)
	}
	w.remedies = w.advice.Remedies
	w.show(0)
}

// endCard asks whether it helped and offers the other remedies, a new run of the checks, the
// report and a new start; it returns the control to focus.
func (w *wizard) endCard() fyne.Focusable {
	w.position.SetText(lang.L("Done"))
	w.add(heading(lang.L("Did that help?")))
	w.add(paragraph(lang.L("If you can sign in now, you are done. If not, try another remedy below or share a report with your helpdesk.")))
	for _, r := range w.advice.More {
		b := w.s.button(r.Title, theme.NavigateNextIcon(), func() {
			w.remedies = []playbook.RemedyView{r}
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
	row := container.NewHBox(report)
	if b := w.checkAgainButton(); b != nil {
		row.Add(b)
	}
	row.Add(again)
	w.body.Add(row)
	return report
}

func (w *wizard) add(o fyne.CanvasObject) { w.body.Add(o) }

// heading is a bold line, wrapped.
func heading(text string) *wrapText {
	l := newWrapText(text)
	l.TextStyle.Bold = true
	return l
}

// paragraph is wrapped text.
func paragraph(text string) *wrapText { return newWrapText(text) }

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
