package playbook

import "testing"

func TestTemplateSyntax(t *testing.T) {
	good := []string{"", "no placeholders", "{interface} and {offset_seconds}", "a {{literal}} brace", "{a1_b}"}
	bad := []string{"{", "{Interface}", "{offset seconds}", "}", "{}", "{1x}", "{name", "tail }"}
	for _, s := range good {
		if err := templateError(s); err != nil {
			t.Errorf("templateError(%q) = %v, want nil", s, err)
		}
	}
	for _, s := range bad {
		if templateError(s) == nil {
			t.Errorf("templateError(%q) = nil, want an error", s)
		}
	}
}

func TestRender(t *testing.T) {
	lookup := func(name string) (string, bool) {
		v, ok := map[string]string{"interface": "tun0", "empty": ""}[name]
		return v, ok
	}
	cases := map[string]string{
		"The VPN on {interface}":    "The VPN on tun0",
		"{missing} and {empty}":     "unknown and unknown",
		"{{interface}} is literal":  "{interface} is literal",
		"broken {Interface} stays":  "broken {Interface} stays",
		"unclosed {interface stays": "unclosed {interface stays",
		"ＶＰＮ {interface} 経由です":      "ＶＰＮ tun0 経由です",
	}
	for in, want := range cases {
		if got := render(in, lookup, Missing.EN); got != want {
			t.Errorf("render(%q) = %q, want %q", in, got, want)
		}
	}
}
