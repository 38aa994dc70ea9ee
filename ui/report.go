package ui

import (
	"fmt"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/report"
)

// reportFileName is the name the save dialog offers.
const reportFileName = "signin-doctor-report.txt"

// reportPage shows what will be shared first — the whole report, redacted by the playbook —
// and then lets the person copy it, save it, or e-mail it to the helpdesk.
func (s *shell) reportPage(rep checks.Report, adv playbook.Advice, symptom string) *page {
	text := report.New(rep, adv, s.deps.Version, symptom).Text(s.lang)
	intro := paragraph(lang.L("This is everything the report holds. It never holds a password, a one-time code or a secret. Nothing is sent until you choose how to share it."))
	// The monospace font has no Japanese glyphs: the fallback font's taller glyphs overflow its
	// line height and clip, so the Japanese report is shown in the regular font.
	preview := newWrapText(text)
	preview.TextStyle.Monospace = s.lang != i18n.Japanese
	preview.Selectable = true

	copyButton := s.button(lang.L("Copy"), theme.ContentCopyIcon(), func() {
		s.app.Clipboard().SetContent(text)
		s.notice(lang.L("Copied"), lang.L("The report is on the clipboard: paste it into a message to your helpdesk."))
	})
	save := s.button(lang.L("Save to a file…"), theme.DocumentSaveIcon(), func() { s.saveReport(text) })
	actions := []fyne.CanvasObject{copyButton, save}
	focus := fyne.Focusable(copyButton)
	if h := s.deps.Helpdesk; h.Email != "" {
		mail := s.button(lang.L("E-mail to {{.Name}}", map[string]any{"Name": helpdeskName(h.Name)}), theme.MailSendIcon(), func() {
			s.openURL(mailto(h.Email, lang.L("Sign-in problem: report from Sign-in Doctor"), text))
		})
		mail.Importance = widget.HighImportance
		actions = append(actions, mail)
		focus = mail
	}
	return &page{
		title:   lang.L("Share a report"),
		body:    container.NewVBox(intro, panel(preview)),
		actions: actions,
		focus:   focus,
	}
}

// saveReport asks where to save the report and writes it there.
func (s *shell) saveReport(text string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.failed(lang.L("The report could not be saved."), err)
			return
		}
		if w == nil {
			return // cancelled
		}
		_, werr := w.Write([]byte(text))
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr != nil {
			s.failed(lang.L("The report could not be saved."), fmt.Errorf("writing %s: %w", w.URI().Path(), werr))
			return
		}
		s.notice(lang.L("Saved"), w.URI().Path())
	}, s.win)
	d.SetFileName(reportFileName)
	s.showDialog(d, nil)
}

// helpdeskName is the helpdesk's name, or words for it when IT gave none.
func helpdeskName(name string) string {
	if name == "" {
		return lang.L("your helpdesk")
	}
	return name
}

// mailto is a mailto: URL with subject and body (RFC 6068: spaces as %20, lines as %0D%0A).
func mailto(to, subject, body string) string {
	q := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	body = strings.ReplaceAll(body, "\n", "\r\n")
	return "mailto:" + url.PathEscape(to) + "?subject=" + q(subject) + "&body=" + q(body)
}
