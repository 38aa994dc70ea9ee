package config_test

import (
	"errors"
	"net/netip"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/config"
	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

func TestDefaultsWithoutAFile(t *testing.T) {
	cfg, err := config.Discover("", config.Places{Executable: t.TempDir(), System: t.TempDir(), User: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Source != "" {
		t.Errorf("Source = %q, want the embedded defaults", cfg.Source)
	}
	if !reflect.DeepEqual(cfg, config.Default()) {
		t.Errorf("got %+v, want the defaults", cfg)
	}
	if got := cfg.Network.Endpoints[0]; got != "https://accounts.zoho.com" {
		t.Errorf("default sign-in endpoint %q", got)
	}
}

func TestTheExampleFileLoads(t *testing.T) {
	cfg, err := config.Load(filepath.Join("..", "assets", "signin-doctor.example.toml"))
	if err != nil {
		t.Fatalf("the example IT copies must load: %v", err)
	}
	want := []netip.Prefix{netip.MustParsePrefix("203.0.113.0/24"), netip.MustParsePrefix("2001:db8::/32")}
	if !reflect.DeepEqual(cfg.Network.AllowedNetworks, want) {
		t.Errorf("allowed_networks = %v, want %v", cfg.Network.AllowedNetworks, want)
	}
	if cfg.Helpdesk.Email != "helpdesk@example.com" || !cfg.Helpdesk.Configured() {
		t.Errorf("helpdesk = %+v", cfg.Helpdesk)
	}
}

func TestGoodFile(t *testing.T) {
	cfg, err := config.Parse("good.toml", []byte(`
language = "en"
[clock]
ntp_servers = ["127.0.0.1:11123", "[::1]:123", "ntp.example"]
warn_seconds = 5
fail_seconds = 20.5
[network]
endpoints = ["smtp://smtp.example.com:587"]
[checks]
disabled = ["browsers"]
[playbook]
file = "it-playbook.toml"
hidden_symptoms = ["oneauth-update"]
`))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Clock.WarnSeconds != 5 || cfg.Clock.FailSeconds != 20.5 {
		t.Errorf("thresholds %v/%v", cfg.Clock.WarnSeconds, cfg.Clock.FailSeconds)
	}
	if cfg.Network.IPEchoURLs[0] != "https://api.ipify.org" {
		t.Errorf("a key left out must keep its default, got %v", cfg.Network.IPEchoURLs)
	}
	if cfg.Playbook.File != "it-playbook.toml" {
		t.Errorf("playbook file %q, want it beside the config file", cfg.Playbook.File)
	}
}

func TestBadFiles(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		wantLine int
		wantKey  string
		wantMsg  string // a part of the message
	}{
		{"syntax error", "language = \"ja\"\n[network\nendpoints = []\n", 2, "", ""},
		{"unterminated string", "[helpdesk]\nname = \"IT\nemail = \"a@b.c\"\n", 2, "", ""},
		{"unknown top-level key", "langauge = \"ja\"\n", 1, "langauge", "unknown key"},
		{"unknown key in a table", "[clock]\nwarn_seconds = 10\nntp_server = [\"a\"]\n", 3, "clock.ntp_server", "unknown key"},
		{"unknown table", "[network]\n[proxy]\nurl = \"http://p\"\n", 2, "proxy", "unknown key"},
		{"wrong type", "[clock]\nwarn_seconds = \"ten\"\n", 2, "clock.warn_seconds", ""},
		{"bad language", "\nlanguage = \"fr\"\n", 2, "language", `"fr"`},
		{"bad CIDR on its own line", "[network]\nallowed_networks = [\n  \"203.0.113.0/24\",\n  \"10.0.0.0/33\",\n]\n", 4, "network.allowed_networks[1]", `"10.0.0.0/33" is not a network in CIDR form`},
		{"CIDR with host bits", "[network]\nallowed_networks = [\"203.0.113.7/24\"]\n", 2, "network.allowed_networks[0]", "did you mean 203.0.113.0/24"},
		{"echo URL without scheme", "[network]\nip_echo_urls = [\"api.ipify.org\"]\n", 2, "network.ip_echo_urls[0]", "not an absolute URL"},
		{"no echo URLs", "[network]\nip_echo_urls = []\n", 2, "network.ip_echo_urls", "at least one"},
		{"endpoint with a bad scheme", "[network]\nendpoints = [\"ftp://files.example.com\"]\n", 2, "network.endpoints[0]", "must use https or imaps or smtps or smtp"},
		{"endpoint with a bad port", "[network]\nendpoints = [\"imaps://imap.example.com:99999\"]\n", 2, "network.endpoints[0]", "1 to 65535"},
		{"STARTTLS endpoint without a port", "[network]\nendpoints = [\"smtp://smtp.example.com\"]\n", 2, "network.endpoints[0]", "needs a port"},
		{"captive portal over https", "[network]\ncaptive_portal_url = \"https://portal.example\"\n", 2, "network.captive_portal_url", "must use http"},
		{"NTP server with a bad port", "[clock]\nntp_servers = [\"ntp.example:ntp\"]\n", 2, "clock.ntp_servers[0]", "1 to 65535"},
		{"NTP server that is a URL", "[clock]\nntp_servers = [\n\"ntp.example\",\n\"udp://ntp.example\"]\n", 4, "clock.ntp_servers[1]", "is a URL"},
		{"warn threshold of zero", "[clock]\nwarn_seconds = 0\n", 2, "clock.warn_seconds", "more than 0"},
		{"fail threshold below warn", "[clock]\nwarn_seconds = 10\nfail_seconds = 5\n", 3, "clock.fail_seconds", "must be more than warn_seconds"},
		{"warn threshold above the default fail", "[clock]\nwarn_seconds = 40\n", 2, "clock.warn_seconds", "must be more than warn_seconds"},
		{"unknown check id", "[checks]\ndisabled = [\"vpn\", \"firewall\"]\n", 2, "checks.disabled[1]", `"firewall" is not a check id`},
		{"unknown symptom id", "[playbook]\nhidden_symptoms = [\"otp-wrong\"]\n", 2, "playbook.hidden_symptoms[0]", `"otp-wrong" is not a symptom id`},
		{"bad helpdesk e-mail", "[helpdesk]\nemail = \"helpdesk at example\"\n", 2, "helpdesk.email", "not an e-mail address"},
		{"helpdesk URL with a bad scheme", "[helpdesk]\nurl = \"mailto:x@example.com\"\n", 2, "helpdesk.url", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := config.Parse("/etc/signin-doctor/signin-doctor.toml", []byte(tt.file))
			var ce *tomlfile.Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v (%T), want a *tomlfile.Error", err, err)
			}
			if ce.File != "/etc/signin-doctor/signin-doctor.toml" {
				t.Errorf("file %q", ce.File)
			}
			if ce.Line != tt.wantLine {
				t.Errorf("line %d, want %d (%v)", ce.Line, tt.wantLine, err)
			}
			if tt.wantKey != "" && ce.Key != tt.wantKey {
				t.Errorf("key %q, want %q (%v)", ce.Key, tt.wantKey, err)
			}
			if !strings.Contains(ce.Msg, tt.wantMsg) {
				t.Errorf("message %q, want it to contain %q", ce.Msg, tt.wantMsg)
			}
			if !strings.HasPrefix(err.Error(), "/etc/signin-doctor/signin-doctor.toml:") {
				t.Errorf("the error does not start with file:line: %q", err)
			}
		})
	}
}

func TestLookupOrder(t *testing.T) {
	write := func(dir, lang string) {
		if err := os.WriteFile(filepath.Join(dir, config.FileName), []byte("language = \""+lang+"\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exe, sys, user := t.TempDir(), t.TempDir(), t.TempDir()
	places := config.Places{Executable: exe, System: sys, User: user}
	write(user, "en")
	if cfg, _ := config.Discover("", places); cfg.Source != filepath.Join(user, config.FileName) {
		t.Errorf("only the user's file: Source = %q", cfg.Source)
	}
	write(sys, "ja")
	if cfg, _ := config.Discover("", places); cfg.Language != "ja" {
		t.Errorf("the system file must win over the user's: %+v", cfg)
	}
	write(exe, "en")
	if cfg, _ := config.Discover("", places); cfg.Source != filepath.Join(exe, config.FileName) {
		t.Errorf("the file beside the executable must win: Source = %q", cfg.Source)
	}
	explicit := filepath.Join(t.TempDir(), "mine.toml")
	if err := os.WriteFile(explicit, []byte("[checks]\ndisabled = [\"vpn\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if cfg, _ := config.Discover(explicit, places); cfg.Source != explicit {
		t.Errorf("--config must win: Source = %q", cfg.Source)
	}
	if _, err := config.Discover(filepath.Join(t.TempDir(), "missing.toml"), places); err == nil {
		t.Error("a --config file that does not exist must be an error")
	}
	// A bad file is an error, never skipped for the next one.
	if err := os.WriteFile(filepath.Join(exe, config.FileName), []byte("language = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := config.Discover("", places); err == nil {
		t.Error("a bad file beside the executable was skipped")
	}
}

func TestPlaybookPathIsRelativeToTheConfigFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, config.FileName)
	if err := os.WriteFile(path, []byte("[playbook]\nfile = \"it.toml\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Playbook.File != filepath.Join(dir, "it.toml") {
		t.Errorf("playbook file %q, want it beside the config", cfg.Playbook.File)
	}
}

func TestOldSymptomIDStillHides(t *testing.T) {
	// given IT's configuration written for the version that had one "signin-limit" symptom
	cfg, err := config.Parse("it.toml", []byte("[playbook]\nhidden_symptoms = [\"signin-limit\", \"oneauth-update\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	// then it hides the symptom the old id now means (docs/DESIGN.md), by its current id
	if got := strings.Join(cfg.Playbook.Hidden, ","); got != checks.SymptomDailySigninLimit+","+checks.SymptomOneAuthUpdate {
		t.Errorf("Hidden = %v, want the old id as %s", cfg.Playbook.Hidden, checks.SymptomDailySigninLimit)
	}
}
