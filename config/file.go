package config

// file is the TOML shape of the configuration file. Pointers tell "absent" (keep the default)
// from "set to empty".
type file struct {
	Language *string      `toml:"language"`
	Helpdesk fileHelpdesk `toml:"helpdesk"`
	Service  fileService  `toml:"service"`
	Network  fileNetwork  `toml:"network"`
	Clock    fileClock    `toml:"clock"`
	Checks   fileChecks   `toml:"checks"`
	Playbook filePlaybook `toml:"playbook"`
}

type fileHelpdesk struct {
	Name  string `toml:"name"`
	Email string `toml:"email"`
	URL   string `toml:"url"`
	Phone string `toml:"phone"`
}

type fileService struct {
	Region string `toml:"region"`
}

type fileNetwork struct {
	AllowedNetworks   []string `toml:"allowed_networks"`
	IPEchoURLs        []string `toml:"ip_echo_urls"`
	Endpoints         []string `toml:"endpoints"`
	CaptivePortalURL  *string  `toml:"captive_portal_url"`
	CaptivePortalBody *string  `toml:"captive_portal_body"`
}

type fileClock struct {
	NTPServers  []string `toml:"ntp_servers"`
	WarnSeconds *float64 `toml:"warn_seconds"`
	FailSeconds *float64 `toml:"fail_seconds"`
}

type fileChecks struct {
	Disabled []string `toml:"disabled"`
}

type filePlaybook struct {
	File   string   `toml:"file"`
	Hidden []string `toml:"hidden_symptoms"`
}
