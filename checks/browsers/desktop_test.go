package browsers

import (
	"slices"
	"testing"
)

func TestParseDesktopEntry(t *testing.T) {
	e, err := parseDesktopEntry([]byte(desktopFile(t, "kfmclient_html.desktop")))
	if err != nil {
		t.Fatal(err)
	}
	if e.Name != "Konqueror" || e.Exec != "kfmclient openURL %u text/html" || !e.NoDisplay || e.Hidden ||
		!e.handles("x-scheme-handler/HTTPS") || e.handles("x-scheme-handler/ftp") {
		t.Errorf("kfmclient_html = %+v", e)
	}
	// Desktop actions repeat Name and Exec; only the main group counts.
	e, err = parseDesktopEntry([]byte(desktopFile(t, "google-chrome.desktop")))
	if err != nil || e.Name != "Google Chrome" || e.Exec != "/usr/bin/google-chrome-stable %U" {
		t.Errorf("google-chrome = %+v, %v", e, err)
	}

	e, err = parseDesktopEntry([]byte("# comment\n[Desktop Entry]\nName = Spaced\\sName \nCategories=Net\\;Work;WebBrowser;;\nHidden=false\nTerminal=true\n"))
	if err != nil || e.Name != "Spaced Name" || !slices.Equal(e.Categories, []string{"Net;Work", "WebBrowser"}) || e.Hidden || !e.Terminal {
		t.Errorf("escapes = %+v, %v", e, err)
	}

	for name, bad := range map[string]string{
		"no desktop group":  "[Desktop Action new]\nName=x\n",
		"key before group":  "Name=x\n[Desktop Entry]\n",
		"line without '='":  "[Desktop Entry]\nName\n",
		"unclosed header":   "[Desktop Entry\nName=x\n",
		"empty":             "",
		"a mimeapps.list":   "[Default Applications]\nx-scheme-handler/https=firefox-esr.desktop\n",
		"binary, not a key": "\x7fELF\x02\x01\x01",
	} {
		if _, err := parseDesktopEntry([]byte(bad)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

func TestSplitExec(t *testing.T) {
	tests := []struct {
		file string // the Exec value as written in the file
		want []string
	}{
		{`/usr/bin/chromium %U`, []string{"/usr/bin/chromium", "%U"}},
		{`  firefox   -new-tab   %u  `, []string{"firefox", "-new-tab", "%u"}},
		{`"/opt/My Browser/browser" --name="x" %u`, []string{"/opt/My Browser/browser", "--name=x", "%u"}},
		{`sh -c "echo \"\$HOME\" \` + "`" + `date\` + "`" + `"`, []string{"sh", "-c", "echo \"$HOME\" `date`"}},
		// The spec's example: four backslashes in the file are one in the argument.
		{`"/bin/echo" "a\\\\b"`, []string{"/bin/echo", `a\b`}},
		{`app "" %u`, []string{"app", "", "%u"}},
	}
	for _, tt := range tests {
		got, err := splitExec(unescape(tt.file))
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("splitExec(%s) = %q, %v; want %q", tt.file, got, err, tt.want)
		}
	}
	for _, bad := range []string{``, `   `, `"unterminated %u`, `"ends in escape\`} {
		if got, err := splitExec(bad); err == nil {
			t.Errorf("splitExec(%q) = %q, want an error", bad, got)
		}
	}
}

func TestExpandExecErrors(t *testing.T) {
	for _, argv := range [][]string{{"app", "%z"}, {"app", "50%"}, {"%d"}, {"%u"}, {"x%U"}, {}} {
		if got, err := expandExec(launch{argv: argv, fieldCodes: true}, signInURL); err == nil {
			t.Errorf("expandExec(%q) = %q, want an error", argv, got)
		}
	}
}

func TestFamilies(t *testing.T) {
	tests := []struct {
		key  string
		want Family
	}{
		{"firefox-esr.desktop", Firefox}, {"org.mozilla.firefox.desktop", Firefox}, {"firefox_firefox.desktop", Firefox},
		{"google-chrome-beta.desktop", Chrome}, {"google-chrome-unstable.desktop", Chrome}, {"com.google.Chrome.canary", Chrome},
		{"com.google.Chrome.desktop", Chrome}, {"chromium-browser.desktop", Chromium}, {"org.chromium.Chromium.desktop", Chromium},
		{"com.microsoft.Edge.desktop", Edge}, {"microsoft-edge-dev.desktop", Edge}, {"com.microsoft.edgemac.Beta", Edge},
		{"com.brave.Browser.desktop", Brave}, {"brave-browser-nightly.desktop", Brave}, {"com.opera.Opera.desktop", Opera},
		{"com.operasoftware.OperaGX", Opera}, {"com.vivaldi.Vivaldi.desktop", Vivaldi}, {"vivaldi-snapshot.desktop", Vivaldi},
		{"msedge.exe", Edge}, {"iexplore.exe", InternetExplorer}, {"org.kde.konqueror.desktop", Konqueror},
		{"epiphany-browser.desktop", Epiphany}, {"lynx.desktop", TextBrowser}, {"w3m", TextBrowser},
		{"thunderbird.desktop", ""}, {"chromexyz", ""}, {"org.mozilla.Thunderbird", ""},
	}
	for _, tt := range tests {
		f, ok := byKey(tt.key)
		if got := Family(""); ok {
			got = f.id
			if got != tt.want {
				t.Errorf("byKey(%q) = %q, want %q", tt.key, got, tt.want)
			}
		} else if tt.want != "" {
			t.Errorf("byKey(%q) found nothing, want %q", tt.key, tt.want)
		}
	}
	for progID, want := range map[string]Family{
		"ChromeHTML": Chrome, "ChromeSSHTM": Chrome, "MSEdgeHTM": Edge, "FirefoxURL-308046B0AF4A39CB": Firefox,
		"BraveHTML": Brave, "OperaStable": Opera, "VivaldiHTM.JOUBHPWY5OSGUGR3XVSKGP4BN4": Vivaldi, "IE.HTTP": InternetExplorer,
		"AppXq0fevzme2pys62n3e0fbqa7peapykr8v": EdgeLegacy, "ChromiumHTM.ABC": Chromium,
	} {
		if f, ok := byProgID(progID); !ok || f.id != want {
			t.Errorf("byProgID(%q) = %q, want %q", progID, f.id, want)
		}
	}
	if _, ok := byProgID("htmlfile"); ok {
		t.Error("byProgID(htmlfile) matched a browser")
	}
}
