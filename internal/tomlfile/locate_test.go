package tomlfile_test

import (
	"testing"

	"github.com/signin-doctor/signin-doctor/internal/tomlfile"
)

func TestLocator(t *testing.T) {
	data := []byte(`language = "ja"   # line 1
[helpdesk]
name = "IT"
[network]   # a comment
"endpoints" = [
  "https://a.example",
  "imaps://b.example:993",
]
clock.warn_seconds = 3
`)
	loc := tomlfile.NewLocator(data)
	tests := []struct {
		key, value string
		want       int
	}{
		{"language", "", 1},
		{"helpdesk", "", 2},
		{"helpdesk.name", "", 3},
		{"network", "", 4},
		{"network.endpoints", "", 5},
		{"network.endpoints", "imaps://b.example:993", 7},
		{"network.endpoints", "not there", 5},
		{"network.clock.warn_seconds", "", 9},
		{"missing.key", "", 0},
	}
	for _, tt := range tests {
		if got := loc.ValueLine(tt.key, tt.value); got != tt.want {
			t.Errorf("ValueLine(%q, %q) = %d, want %d", tt.key, tt.value, got, tt.want)
		}
	}
}
