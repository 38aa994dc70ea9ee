package main

import (
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/config"
)

// loadPlaybook returns IT's playbook when the configuration names one, else the embedded one,
// with its links in the configuration's data centre.
func loadPlaybook(cfg config.Config) (*playbook.Playbook, error) {
	book := playbook.Default()
	if cfg.Playbook.File != "" {
		var err error
		if book, err = playbook.Load(cfg.Playbook.File); err != nil {
			return nil, err
		}
	}
	return book.ForService(serviceOf(cfg.CurrentRegion())), nil
}

// serviceOf is a data centre's hosts as the playbook names them.
func serviceOf(r config.Region) playbook.Service {
	return playbook.Service{Accounts: r.Accounts(), IMAP: r.IMAP(), SMTP: r.SMTP()}
}
