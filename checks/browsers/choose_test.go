package browsers

import "testing"

func TestChoose(t *testing.T) {
	firefox := Browser{Name: "Firefox ESR", ID: "firefox-esr.desktop", Family: Firefox, Supported: true}
	chromium := Browser{Name: "Chromium", ID: "chromium.desktop", Family: Chromium, Supported: true}
	epiphany := Browser{Name: "Web", ID: "org.gnome.Epiphany.desktop", Supported: false}
	tests := []struct {
		name      string
		installed []Browser
		def       *Browser
		want      string
		wantOK    bool
	}{
		{"the supported default wins over a preferred family", []Browser{firefox, chromium}, &chromium, "chromium.desktop", true},
		{"an unsupported default gives way to the suggestion", []Browser{epiphany, chromium, firefox}, &epiphany, "firefox-esr.desktop", true},
		{"no default known: the suggestion", []Browser{chromium, firefox}, nil, "firefox-esr.desktop", true},
		{"no supported browser at all", []Browser{epiphany}, &epiphany, "", false},
		{"nothing installed", nil, nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Choose(tt.installed, tt.def)
			if ok != tt.wantOK || got.ID != tt.want {
				t.Errorf("Choose = %q, %v; want %q, %v", got.ID, ok, tt.want, tt.wantOK)
			}
		})
	}
}
