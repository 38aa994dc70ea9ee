package config

import (
	"fmt"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// Setting is one configuration key as it is in effect: its value and where it came from.
type Setting struct {
	Key   string `json:"key"`
	Value any    `json:"value"`
	// From is "FILE:LINE" for a key the file sets, or "default" for one it leaves out.
	From string `json:"from"`
}

// keys are every key of the file, in the order the example lists them, each with its value in
// a Config. TestSettingsCoverEveryKey keeps it whole.
var keys = []struct {
	name  string
	value func(Config) any
}{
	{"language", func(c Config) any { return c.Language }},
	{"helpdesk.name", func(c Config) any { return c.Helpdesk.Name }},
	{"helpdesk.email", func(c Config) any { return c.Helpdesk.Email }},
	{"helpdesk.url", func(c Config) any { return c.Helpdesk.URL }},
	{"helpdesk.phone", func(c Config) any { return c.Helpdesk.Phone }},
	{"service.region", func(c Config) any { return c.Service.Region }},
	{"network.allowed_networks", func(c Config) any {
		out := []string{}
		for _, p := range c.Network.AllowedNetworks {
			out = append(out, p.String())
		}
		return out
	}},
	{"network.ip_echo_urls", func(c Config) any { return orEmpty(c.Network.IPEchoURLs) }},
	{"network.endpoints", func(c Config) any { return orEmpty(c.Network.Endpoints) }},
	{"network.captive_portal_url", func(c Config) any { return c.Network.CaptivePortalURL }},
	{"network.captive_portal_body", func(c Config) any { return c.Network.CaptivePortalBody }},
	{"clock.ntp_servers", func(c Config) any { return orEmpty(c.Clock.NTPServers) }},
	{"clock.warn_seconds", func(c Config) any { return c.Clock.WarnSeconds }},
	{"clock.fail_seconds", func(c Config) any { return c.Clock.FailSeconds }},
	{"checks.disabled", func(c Config) any { return orEmpty(c.Checks.Disabled) }},
	{"playbook.file", func(c Config) any { return c.Playbook.File }},
	{"playbook.hidden_symptoms", func(c Config) any { return orEmpty(c.Playbook.Hidden) }},
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Settings lists every key of cfg with the value in effect and where it came from: the line of
// cfg.Source that sets it, or the embedded default. IT reads it to see what a computer will
// do with the file it was given.
func Settings(cfg Config) ([]Setting, error) {
	var loc tomlfile.Locator
	var md toml.MetaData
	if cfg.Source != "" {
		data, err := os.ReadFile(cfg.Source)
		if err != nil {
			return nil, fmt.Errorf("reading %s again: %w", cfg.Source, err)
		}
		var f file
		if md, err = toml.Decode(string(data), &f); err != nil {
			return nil, fmt.Errorf("reading %s again: %w", cfg.Source, err)
		}
		loc = tomlfile.NewLocator(data)
	}
	out := make([]Setting, 0, len(keys))
	for _, k := range keys {
		s := Setting{Key: k.name, Value: k.value(cfg), From: "default"}
		if cfg.Source != "" && md.IsDefined(strings.Split(k.name, ".")...) {
			s.From = cfg.Source // set, in a form the line finder does not read (an inline table)
			if line := loc.KeyLine(k.name); line > 0 {
				s.From = fmt.Sprintf("%s:%d", cfg.Source, line)
			}
		}
		out = append(out, s)
	}
	return out, nil
}
