package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// regionNames are the data centres in the window's words, by id.
func regionNames() map[string]string {
	return map[string]string{
		"us": lang.L("United States (US)"), "eu": lang.L("Europe (EU)"), "in": lang.L("India (IN)"),
		"au": lang.L("Australia (AU)"), "jp": lang.L("Japan (JP)"), "ca": lang.L("Canada (CA)"),
		"sa": lang.L("Saudi Arabia (SA)"),
	}
}

// regionPage asks where the person's Zoho account lives, which the address of their sign-in
// page tells; the answer sets the checks and the remedies' links, and then goes on.
func (s *shell) regionPage(then func()) *page {
	body := container.NewVBox(paragraph(lang.L("Where is your Zoho account? The address of the page where you sign in tells: accounts.zoho.jp is Japan, accounts.zoho.com the United States.")))
	names := regionNames()
	var first fyne.Focusable
	for _, r := range s.deps.Region.Regions() {
		name := names[r.ID]
		if name == "" {
			name = r.Name
		}
		b := s.button(name+" — "+r.Accounts(), theme.NavigateNextIcon(), func() {
			s.region = r.ID
			s.deps.Checks, s.deps.Clock, s.deps.Playbook = s.deps.Region.Choose(r.ID)
			s.back()
			then()
		})
		b.Alignment = widget.ButtonAlignLeading
		if first == nil {
			first = b
		}
		body.Add(b)
	}
	return &page{title: lang.L("Your Zoho account's data centre"), body: body, focus: first}
}
