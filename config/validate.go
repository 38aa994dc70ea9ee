package config

import (
	"fmt"
	"net"
	"net/mail"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

// validator turns the file's values into a Config, stopping at the first bad one.
type validator struct {
	loc tomlfile.Locator
	err *tomlfile.Error
}

// bad records the first problem, at the line of value (or of key when value is empty).
func (v *validator) bad(key, value, format string, args ...any) {
	if v.err != nil {
		return
	}
	v.err = &tomlfile.Error{Line: v.loc.ValueLine(baseKey(key), value), Key: key, Msg: fmt.Sprintf(format, args...)}
}

// baseKey strips an element index: "network.endpoints[2]" -> "network.endpoints".
func baseKey(key string) string {
	if i := strings.IndexByte(key, '['); i >= 0 {
		return key[:i]
	}
	return key
}

func (f file) validate(loc tomlfile.Locator) (Config, *tomlfile.Error) {
	v := &validator{loc: loc}
	cfg := Default()
	if f.Language != nil {
		switch *f.Language {
		case "", "ja", "en":
			cfg.Language = *f.Language
		default:
			v.bad("language", *f.Language, "%q is not a language the app has: use \"ja\" or \"en\", or leave it out for the system's", *f.Language)
		}
	}
	cfg.Helpdesk = v.helpdesk(f.Helpdesk)
	v.network(&cfg.Network, f.Network)
	if f.Service.Region != "" {
		if r, ok := RegionByID(f.Service.Region); ok {
			cfg = cfg.WithRegion(r)
		} else {
			v.bad("service.region", f.Service.Region, "%v", ErrUnknownRegion(f.Service.Region))
		}
	}
	v.clock(&cfg.Clock, f.Clock)
	for i, id := range f.Checks.Disabled {
		if !checks.KnownCheck(id) {
			v.bad(fmt.Sprintf("checks.disabled[%d]", i), id, "%q is not a check id; the checks are %s", id, strings.Join(checks.CheckIDs(), ", "))
		}
	}
	cfg.Checks.Disabled = f.Checks.Disabled
	var hidden []string
	for i, id := range f.Playbook.Hidden {
		canonical, ok := checks.CanonicalSymptom(id) // an old id still hides its symptom
		if !ok {
			v.bad(fmt.Sprintf("playbook.hidden_symptoms[%d]", i), id, "%q is not a symptom id; the symptoms are %s", id, strings.Join(checks.SymptomIDs(), ", "))
		}
		hidden = append(hidden, canonical)
	}
	cfg.Playbook = Playbook{File: f.Playbook.File, Hidden: hidden}
	if v.err != nil {
		return Config{}, v.err
	}
	return cfg, nil
}

func (v *validator) helpdesk(h fileHelpdesk) Helpdesk {
	if h.Email != "" {
		if a, err := mail.ParseAddress(h.Email); err != nil || a.Address != h.Email {
			v.bad("helpdesk.email", h.Email, "%q is not an e-mail address (like helpdesk@example.com)", h.Email)
		}
	}
	if h.URL != "" {
		v.url("helpdesk.url", h.URL, "http", "https")
	}
	return Helpdesk(h)
}

func (v *validator) network(n *Network, f fileNetwork) {
	if f.AllowedNetworks != nil {
		n.AllowedNetworks = nil
		for i, s := range f.AllowedNetworks {
			p, err := netip.ParsePrefix(strings.TrimSpace(s))
			if err != nil {
				v.bad(fmt.Sprintf("network.allowed_networks[%d]", i), s, "%q is not a network in CIDR form (like 203.0.113.0/24 or 2001:db8::/32)", s)
				continue
			}
			if p.Masked() != p {
				v.bad(fmt.Sprintf("network.allowed_networks[%d]", i), s, "%q has host bits set: did you mean %s?", s, p.Masked())
				continue
			}
			n.AllowedNetworks = append(n.AllowedNetworks, p)
		}
	}
	if f.IPEchoURLs != nil {
		if len(f.IPEchoURLs) == 0 {
			v.bad("network.ip_echo_urls", "", "needs at least one URL; leave the key out for the defaults")
		}
		for i, s := range f.IPEchoURLs {
			v.url(fmt.Sprintf("network.ip_echo_urls[%d]", i), s, "http", "https")
		}
		n.IPEchoURLs = f.IPEchoURLs
	}
	if f.Endpoints != nil {
		for i, s := range f.Endpoints {
			v.endpoint(fmt.Sprintf("network.endpoints[%d]", i), s)
		}
		n.Endpoints, n.EndpointsSet = f.Endpoints, true
	}
	if f.CaptivePortalURL != nil {
		if *f.CaptivePortalURL != "" {
			v.url("network.captive_portal_url", *f.CaptivePortalURL, "http")
		}
		n.CaptivePortalURL = *f.CaptivePortalURL
	}
	if f.CaptivePortalBody != nil {
		n.CaptivePortalBody = *f.CaptivePortalBody
	}
}

// url checks that s is an absolute URL with one of schemes and a host.
func (v *validator) url(key, s string, schemes ...string) *url.URL {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		v.bad(key, s, "%q is not an absolute URL (like %s://host.example.com)", s, schemes[0])
		return nil
	}
	for _, sc := range schemes {
		if u.Scheme == sc {
			if p := u.Port(); p != "" {
				v.port(key, s, p)
			}
			return u
		}
	}
	v.bad(key, s, "%q must use %s", s, strings.Join(schemes, " or "))
	return nil
}

// endpoint checks a reach endpoint: https://host, imaps://host:993, smtps://host:465, or
// smtp://host:587 (STARTTLS, which needs the port).
func (v *validator) endpoint(key, s string) {
	u := v.url(key, s, "https", "imaps", "smtps", "smtp")
	if u == nil {
		return
	}
	if u.Scheme == "smtp" && u.Port() == "" {
		v.bad(key, s, "%q needs a port: smtp:// is STARTTLS, usually on port 587 (smtp://host:587)", s)
	}
}

func (v *validator) port(key, value, p string) {
	n, err := strconv.Atoi(p)
	if err != nil || n < 1 || n > 65535 {
		v.bad(key, value, "%q has the port %q: a port is a number from 1 to 65535", value, p)
	}
}

func (v *validator) clock(c *Clock, f fileClock) {
	if f.NTPServers != nil {
		if len(f.NTPServers) == 0 {
			v.bad("clock.ntp_servers", "", "needs at least one server; leave the key out for the defaults")
		}
		for i, s := range f.NTPServers {
			v.hostPort(fmt.Sprintf("clock.ntp_servers[%d]", i), s)
		}
		c.NTPServers = f.NTPServers
	}
	if f.WarnSeconds != nil {
		c.WarnSeconds = *f.WarnSeconds
	}
	if f.FailSeconds != nil {
		c.FailSeconds = *f.FailSeconds
	}
	switch {
	case c.WarnSeconds <= 0:
		v.bad("clock.warn_seconds", "", "must be more than 0 seconds (it is %g)", c.WarnSeconds)
	case c.FailSeconds <= c.WarnSeconds:
		key := "clock.fail_seconds"
		if f.FailSeconds == nil {
			key = "clock.warn_seconds"
		}
		v.bad(key, "", "fail_seconds (%g) must be more than warn_seconds (%g)", c.FailSeconds, c.WarnSeconds)
	}
}

// hostPort checks "host" or "host:port" (an IPv6 address in brackets when it has a port).
func (v *validator) hostPort(key, s string) {
	host := s
	if strings.Contains(s, "://") {
		v.bad(key, s, "%q is a URL: give a host name or address, or host:port (like ntp.nict.jp or 192.0.2.1:123)", s)
		return
	}
	if h, p, err := net.SplitHostPort(s); err == nil {
		host = h
		v.port(key, s, p)
	} else if strings.Count(s, ":") == 1 {
		v.bad(key, s, "%q is not host or host:port", s)
		return
	}
	if host == "" || strings.ContainsAny(host, " /\t") {
		v.bad(key, s, "%q is not a host name or address (like ntp.nict.jp or 192.0.2.1:123)", s)
	}
}
