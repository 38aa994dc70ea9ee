package main

import (
	"fmt"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/config"
)

// configured reads the configuration a subcommand runs with (explicit, else the file found in
// the usual places) in data centre region when one is given, and its playbook. What is wrong
// with either is said on s.Err, and ok is false: the command exits 2.
func configured(explicit, region string, s streams) (cfg config.Config, book *playbook.Playbook, ok bool) {
	cfg, err := config.Discover(explicit, config.DefaultPlaces())
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad configuration: %v\n", err)
		return cfg, nil, false
	}
	if r, known := config.RegionByID(region); known {
		cfg = cfg.WithRegion(r)
	}
	if book, err = loadPlaybook(cfg); err != nil {
		fmt.Fprintf(s.Err, "signin-doctor: bad playbook: %v\n", err)
		return cfg, nil, false
	}
	return cfg, book, true
}

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
