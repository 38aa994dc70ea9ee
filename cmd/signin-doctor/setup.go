package main

import (
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/config"
)

// loadPlaybook returns IT's playbook when the configuration names one, else the embedded one.
func loadPlaybook(cfg config.Config) (*playbook.Playbook, error) {
	if cfg.Playbook.File == "" {
		return playbook.Default(), nil
	}
	return playbook.Load(cfg.Playbook.File)
}
