package playbook

import "testing"

func BenchmarkParseDefault(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(DefaultName, defaultData); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	p := Default()
	for b.Loop() {
		p.Match("Access blocked: Zoho's request does not comply with Google's policies\nError 403: disallowed_useragent")
	}
}
