package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/checks"
)

// homePage asks what the person sees: the symptoms by their error text, a box where a pasted
// message finds its symptom, and "check everything" for when they are not sure.
func (s *shell) homePage() *page {
	intro := newWrapText(lang.L("Choose the message you see, or paste it in the box below."))

	paste := s.entry(lang.L("The message you see"), false)
	paste.SetPlaceHolder(lang.L("Paste or type the message you see"))
	offer := container.NewVBox()
	find := func(text string) { s.offerMatches(offer, text) }
	paste.OnSubmitted = find
	paste.OnChanged = func(text string) {
		if strings.TrimSpace(text) == "" {
			offer.RemoveAll()
		}
	}
	findButton := s.button(lang.L("Find"), theme.SearchIcon(), func() { find(paste.Text) })

	symptoms := container.NewVBox()
	var first fyne.Focusable
	for _, sym := range s.deps.Playbook.Symptoms() {
		if s.deps.hidden(sym.ID) {
			continue
		}
		b := s.symptomButton(sym.ID, sym.Error.In(s.lang))
		if first == nil {
			first = b
		}
		symptoms.Add(b)
	}

	everything := s.button(lang.L("I'm not sure — check everything"), theme.SearchReplaceIcon(), func() { s.diagnose("") })
	everything.Importance = widget.HighImportance
	code := s.button(lang.L("Check a one-time code…"), theme.AccountIcon(), func() { s.push(s.totpPage()) })
	phoneClock := s.calibrateButton()

	body := container.NewVBox()
	if s.deps.ConfigError != nil {
		body.Add(s.configWarning())
	}
	body.Add(intro)
	body.Add(container.NewBorder(nil, nil, nil, findButton, paste))
	body.Add(offer)
	body.Add(widget.NewLabelWithStyle(lang.L("Messages people see"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	body.Add(symptoms)
	return &page{
		title:   lang.L("What do you see when you sign in?"),
		body:    body,
		actions: []fyne.CanvasObject{phoneClock, code, everything},
		focus:   first,
	}
}

// symptomButton is a symptom on the home screen, labelled with the message the person sees.
func (s *shell) symptomButton(id, text string) *button {
	b := s.button(text, nil, func() { s.diagnose(id) })
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// offerMatches shows the symptoms whose message matches text, best first, or says none does.
func (s *shell) offerMatches(offer *fyne.Container, text string) {
	offer.RemoveAll()
	if strings.TrimSpace(text) == "" {
		return
	}
	matches := s.deps.Playbook.Match(text)
	if len(matches) == 0 {
		offer.Add(newWrapText(lang.L("No message matches what you pasted. Choose one below, or check everything.")))
		return
	}
	offer.Add(widget.NewLabel(lang.L("This looks like:")))
	var first *button
	for i, m := range matches {
		if i == 3 {
			break
		}
		sym, ok := s.deps.Playbook.Symptom(m.ID)
		if !ok || s.deps.hidden(m.ID) {
			continue
		}
		b := s.symptomButton(m.ID, sym.Error.In(s.lang))
		b.Icon = theme.NavigateNextIcon()
		if first == nil {
			first = b
			b.Importance = widget.HighImportance
		}
		offer.Add(b)
	}
	if first != nil {
		s.win.Canvas().Focus(first)
	}
}

// diagnose runs the checks for symptom, when it has any, then shows the wizard. The first time,
// where IT named no data centre, it asks for the person's first.
func (s *shell) diagnose(symptom string) {
	if s.deps.Region != nil && s.region == "" {
		s.push(s.regionPage(func() { s.diagnose(symptom) }))
		return
	}
	if len(checks.ChecksFor(symptom)) == 0 {
		s.push(s.wizardPage(symptom, checks.Report{}))
		return
	}
	s.push(s.checkingPage(symptom))
}

// configWarning says the configuration file could not be read, where and why, and that the
// defaults are used instead.
func (s *shell) configWarning() fyne.CanvasObject {
	msg := newWrapText(lang.L("The configuration file could not be read, so the defaults are used. Tell your helpdesk:") +
		"\n" + s.deps.ConfigError.Error())
	msg.Importance = widget.WarningImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(theme.WarningIcon())), nil, msg)
}
