package ui

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
)

// actionButtons returns a row with a button for each action of a step, or nil when the step
// has none. An action this computer cannot do (no func given) is left out.
func (s *shell) actionButtons(actions []playbook.ActionView) fyne.CanvasObject {
	row := container.NewHBox()
	for _, a := range actions {
		if b := s.actionButton(a); b != nil {
			row.Add(b)
		}
	}
	if len(row.Objects) == 0 {
		return nil
	}
	return row
}

// actionButton returns the button that does a.
func (s *shell) actionButton(a playbook.ActionView) *button {
	var do func()
	var icon fyne.Resource
	switch a.Kind {
	case playbook.ActionOpenDateTimeSettings:
		if s.deps.Settings == nil {
			return nil
		}
		icon = theme.SettingsIcon()
		do = func() {
			s.run(lang.L("The date and time settings could not be opened."), s.deps.Settings.OpenDateTimeSettings)
		}
	case playbook.ActionOpenURL:
		if s.deps.Links == nil {
			return nil
		}
		icon = theme.ComputerIcon()
		do = func() { s.openURL(a.URL) }
	case playbook.ActionOpenInBrowser:
		if s.deps.Links == nil && s.deps.Browser == nil {
			return nil
		}
		icon = theme.ComputerIcon()
		do = func() { s.openInBrowser(a.URL) }
	case playbook.ActionCopyText:
		icon = theme.ContentCopyIcon()
		do = func() {
			s.app.Clipboard().SetContent(a.Text)
			s.notice(lang.L("Copied"), a.Text)
		}
	case playbook.ActionContactHelpdesk:
		icon = theme.MailComposeIcon()
		do = s.showHelpdesk
	case playbook.ActionOpenTOTPCheck:
		icon = theme.AccountIcon()
		do = func() { s.push(s.totpPage()) }
	default:
		return nil
	}
	b := s.button(a.Label, icon, do)
	if !a.Ready {
		b.Disable()
	}
	return b
}

// openURL opens raw in the default browser.
func (s *shell) openURL(raw string) {
	s.run(lang.L("The page could not be opened."), func() error {
		if s.deps.Links == nil {
			return errors.New("this window was given no way to open pages")
		}
		u, err := url.Parse(raw)
		if err != nil {
			return err
		}
		return s.deps.Links.OpenURL(u)
	})
}

// openInBrowser opens raw in a browser the service supports, off the UI thread since it
// starts a program; without one it opens the default browser.
func (s *shell) openInBrowser(raw string) {
	if s.deps.Browser == nil {
		s.openURL(raw)
		return
	}
	go func() {
		err := s.deps.Browser.OpenInSupportedBrowser(context.Background(), raw)
		if err != nil {
			s.do(func() { s.failed(lang.L("No supported browser could be opened."), err) })
		}
	}()
}

// run does f and tells the person, in their words, when it failed.
func (s *shell) run(what string, f func() error) {
	if f == nil {
		return
	}
	if err := f(); err != nil {
		s.failed(what, err)
	}
}

// failed tells the person what did not work; the system's own reason follows for IT.
func (s *shell) failed(what string, err error) {
	s.notice(lang.L("That did not work"), what+"\n\n"+err.Error())
}

// notice shows a message with an OK button that Enter and Escape close.
func (s *shell) notice(title, message string) {
	msg := newWrapText(message)
	s.modal(title, lang.L("OK"), container.NewGridWrap(fyne.NewSize(420, msg.MinSize().Height*3), msg))
}

// modal shows content over the page with one button, dismiss, focused.
func (s *shell) modal(title, dismiss string, content fyne.CanvasObject) {
	ok := s.button(dismiss, nil, nil)
	ok.Importance = widget.HighImportance
	sh := newSheet(s.win.Canvas(), title, content, ok)
	ok.OnTapped = sh.Hide
	s.showSheet(sh, ok)
}

// helpdeskCard shows the helpdesk's name and ways to reach it, where a remedy says "ask your
// administrator". Without one configured it says whom to ask instead.
func (s *shell) helpdeskCard() fyne.CanvasObject {
	h := s.deps.Helpdesk
	if !h.Configured() {
		return iconText(theme.InfoIcon(), lang.L("Ask the person who manages your organisation's accounts (your administrator)."))
	}
	name := h.Name
	if name == "" {
		name = lang.L("your helpdesk")
	}
	box := container.NewVBox(heading(lang.L("Your helpdesk: {{.Name}}", map[string]any{"Name": name})))
	links := container.NewHBox()
	if h.Email != "" {
		links.Add(s.button(h.Email, theme.MailComposeIcon(), func() { s.openURL("mailto:" + h.Email) }))
	}
	if h.URL != "" {
		links.Add(s.button(strings.TrimPrefix(strings.TrimPrefix(h.URL, "https://"), "http://"), theme.ComputerIcon(), func() { s.openURL(h.URL) }))
	}
	box.Add(links)
	if h.Phone != "" {
		box.Add(widget.NewLabel(lang.L("Phone: {{.Phone}}", map[string]any{"Phone": h.Phone})))
	}
	return box
}

// showHelpdesk shows the helpdesk's contact in a dialog.
func (s *shell) showHelpdesk() {
	s.modal(lang.L("Contact your helpdesk"), lang.L("Close"), s.helpdeskCard())
}
