package config

import (
	"fmt"
	"strings"
)

// Region is one of Zoho's data centres: an account, its mail and its sign-in page live in one,
// under that data centre's domain (Zoho Accounts' help, "Data center for Zoho Account").
type Region struct {
	ID     string // the config's service.region and the CLI's --region: "us", "jp" …
	Name   string // as Zoho names the data centre: "Japan (JP)"
	Domain string // "zoho.jp": accounts.<domain>, imap.<domain>, smtp.<domain>
}

// Accounts is the sign-in host: accounts.zoho.jp.
func (r Region) Accounts() string { return "accounts." + r.Domain }

// IMAP is the mail server for reading mail (personal accounts; organisations may use imappro).
func (r Region) IMAP() string { return "imap." + r.Domain }

// SMTP is the mail server for sending mail.
func (r Region) SMTP() string { return "smtp." + r.Domain }

// Endpoints are the reach check's defaults for the region: the sign-in host, IMAP over TLS and
// SMTP over TLS.
func (r Region) Endpoints() []string {
	return []string{"https://" + r.Accounts(), "imaps://" + r.IMAP() + ":993", "smtps://" + r.SMTP() + ":465"}
}

// regions are the data centres of Zoho's published list, in its order. zoho.uk and
// zoho.com.cn are not on it, and are left out until they are.
var regions = []Region{
	{"us", "United States (US)", "zoho.com"},
	{"eu", "Europe (EU)", "zoho.eu"},
	{"in", "India (IN)", "zoho.in"},
	{"au", "Australia (AU)", "zoho.com.au"},
	{"jp", "Japan (JP)", "zoho.jp"},
	{"ca", "Canada (CA)", "zohocloud.ca"},
	{"sa", "Saudi Arabia (SA)", "zoho.sa"},
}

// DefaultRegion is the data centre when neither IT nor the person named one: Zoho's US one,
// the one zoho.com's links lead to.
const DefaultRegion = "us"

// Regions lists the data centres.
func Regions() []Region { return append([]Region(nil), regions...) }

// RegionByID returns the data centre id names (case does not matter).
func RegionByID(id string) (Region, bool) {
	for _, r := range regions {
		if strings.EqualFold(r.ID, strings.TrimSpace(id)) {
			return r, true
		}
	}
	return Region{}, false
}

// regionList names every region for an error message: "us (zoho.com), eu (zoho.eu), …".
func regionList() string {
	var parts []string
	for _, r := range regions {
		parts = append(parts, fmt.Sprintf("%s (%s)", r.ID, r.Domain))
	}
	return strings.Join(parts, ", ")
}

// ErrUnknownRegion describes a region id that is none of Zoho's data centres.
func ErrUnknownRegion(id string) error {
	return fmt.Errorf("%q is not a Zoho data centre; they are %s", id, regionList())
}

// WithRegion returns cfg for data centre r: the region set and, unless IT listed endpoints of
// its own, the reach check's endpoints (and with them the HTTPS Date host) moved to r's hosts.
func (cfg Config) WithRegion(r Region) Config {
	cfg.Service.Region = r.ID
	if !cfg.Network.EndpointsSet {
		cfg.Network.Endpoints = r.Endpoints()
	}
	return cfg
}

// CurrentRegion is the data centre cfg names, or DefaultRegion's when it names none.
func (cfg Config) CurrentRegion() Region {
	if r, ok := RegionByID(cfg.Service.Region); ok {
		return r
	}
	r, _ := RegionByID(DefaultRegion)
	return r
}
