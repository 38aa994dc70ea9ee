package config

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

func TestServiceRegion(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		region    string
		endpoints []string
	}{
		{"given no region then the defaults, zoho.com's hosts", "", "", Default().Network.Endpoints},
		{"given zoho.jp then its sign-in and mail hosts", "[service]\nregion = \"jp\"\n", "jp",
			[]string{"https://accounts.zoho.jp", "imaps://imap.zoho.jp:993", "smtps://smtp.zoho.jp:465"}},
		{"given the region in capitals then the same", "[service]\nregion = \"JP\"\n", "jp",
			[]string{"https://accounts.zoho.jp", "imaps://imap.zoho.jp:993", "smtps://smtp.zoho.jp:465"}},
		{"given Canada then zohocloud.ca", "[service]\nregion = \"ca\"\n", "ca",
			[]string{"https://accounts.zohocloud.ca", "imaps://imap.zohocloud.ca:993", "smtps://smtp.zohocloud.ca:465"}},
		{"given a region and IT's own endpoints then IT's endpoints stay", "[service]\nregion = \"eu\"\n[network]\nendpoints = [\"https://sso.example.co.jp\"]\n", "eu",
			[]string{"https://sso.example.co.jp"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("signin-doctor.toml", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Service.Region != tt.region || !slices.Equal(cfg.Network.Endpoints, tt.endpoints) {
				t.Errorf("region %q endpoints %q, want %q %q", cfg.Service.Region, cfg.Network.Endpoints, tt.region, tt.endpoints)
			}
		})
	}
}

func TestUnknownRegionNamesFileLineKeyAndTheRegions(t *testing.T) {
	_, err := Parse("it.toml", []byte("# IT\n[service]\nregion = \"uk\"\n"))
	var te *tomlfile.Error
	if !errors.As(err, &te) || te.File != "it.toml" || te.Line != 3 || te.Key != "service.region" {
		t.Fatalf("error %v, want it.toml:3 service.region", err)
	}
	for _, r := range Regions() {
		if !strings.Contains(err.Error(), r.ID+" ("+r.Domain+")") {
			t.Errorf("the error does not list %s (%s): %v", r.ID, r.Domain, err)
		}
	}
}
