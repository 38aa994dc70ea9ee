package browsers

import "strings"

// Family is a browser product, whatever its channel (ESR, beta, dev, canary) or packaging
// (deb, Flatpak, Snap, per-user install). Google sign-in support follows the family.
type Family string

// The families the check recognises. An https handler of no known family is listed with an
// empty family and counted as unsupported: Google supports named browsers, not engines.
const (
	Chrome           Family = "chrome"
	Chromium         Family = "chromium"
	Edge             Family = "edge"
	Firefox          Family = "firefox"
	Safari           Family = "safari"
	Brave            Family = "brave"
	Opera            Family = "opera"
	Vivaldi          Family = "vivaldi"
	EdgeLegacy       Family = "edge-legacy"
	InternetExplorer Family = "internet-explorer"
	Konqueror        Family = "konqueror"
	Epiphany         Family = "epiphany"
	Falkon           Family = "falkon"
	TextBrowser      Family = "text"
)

// family says how to recognise one product in each OS's vocabulary. Keys are lower-case.
type family struct {
	id        Family
	name      string // shown when the source carries no name of its own
	supported bool
	// keys match desktop-file ids (without ".desktop"), macOS bundle ids, Windows
	// StartMenuInternet key names and executable names: a key matches itself, or itself
	// followed by a separator and a channel or install suffix ("firefox-esr",
	// "com.google.chrome.canary", "chromium_chromium", "google chrome.abcdef").
	keys []string
	// progIDs are Windows ProgId prefixes for the https/http association ("FirefoxURL-…").
	progIDs []string
}

// families lists the known products. Google's help lists Chrome, Firefox, Safari and Edge;
// the Chromium-based Brave, Opera and Vivaldi send a full Chrome user agent and are accepted.
var families = []family{
	{id: Chrome, name: "Google Chrome", supported: true,
		keys:    []string{"google-chrome", "google chrome", "com.google.chrome", "com.google.chromedev", "com.google.chromebeta", "chrome"},
		progIDs: []string{"chromehtml", "chromebhtml", "chromedhtml", "chromesshtm"}},
	{id: Chromium, name: "Chromium", supported: true,
		keys:    []string{"chromium", "chromium-browser", "org.chromium.chromium"},
		progIDs: []string{"chromiumhtm"}},
	{id: Edge, name: "Microsoft Edge", supported: true,
		keys:    []string{"microsoft-edge", "microsoft edge", "com.microsoft.edge", "com.microsoft.edgemac", "msedge"},
		progIDs: []string{"msedgehtm", "msedgebhtml", "msedgedhtml", "msedgeshtml"}},
	{id: Firefox, name: "Firefox", supported: true,
		keys:    []string{"firefox", "org.mozilla.firefox", "org.mozilla.firefoxdeveloperedition", "org.mozilla.nightly", "mozilla firefox"},
		progIDs: []string{"firefoxurl", "firefoxhtml"}},
	{id: Safari, name: "Safari", supported: true,
		keys: []string{"com.apple.safari", "com.apple.safaritechnologypreview", "safari"}},
	{id: Brave, name: "Brave", supported: true,
		keys:    []string{"brave-browser", "brave", "com.brave.browser"},
		progIDs: []string{"bravehtml", "bravebhtml", "bravedhtml", "bravesshtm"}},
	{id: Opera, name: "Opera", supported: true,
		keys:    []string{"opera", "operastable", "opera stable", "opera gxstable", "com.opera.opera", "com.operasoftware.opera", "com.operasoftware.operagx"},
		progIDs: []string{"operastable", "opera gxstable", "operabeta", "operadeveloper"}},
	{id: Vivaldi, name: "Vivaldi", supported: true,
		keys:    []string{"vivaldi", "vivaldi-stable", "com.vivaldi.vivaldi"},
		progIDs: []string{"vivaldihtm"}},
	// The EdgeHTML Edge of Windows 10 left support in 2021; its AppX ProgIds are the
	// only trace of it, one for http and one for https.
	{id: EdgeLegacy, name: "Microsoft Edge Legacy",
		keys:    []string{"microsoft.microsoftedge"},
		progIDs: []string{"appxq0fevzme2pys62n3e0fbqa7peapykr8v", "appx90nv6nhay5n6a98fnetv7tpk64pp35es"}},
	{id: InternetExplorer, name: "Internet Explorer",
		keys:    []string{"iexplore", "internet explorer"},
		progIDs: []string{"ie.http", "ie.https"}},
	{id: Konqueror, name: "Konqueror",
		keys: []string{"konqueror", "org.kde.konqueror", "kde4-konqueror", "kfmclient_html"}},
	// GNOME Web is a full browser, but Google does not list WebKitGTK browsers and has
	// answered them with "This browser or app may not be secure"; calling it supported
	// would send people to the one browser the error names.
	{id: Epiphany, name: "GNOME Web",
		keys: []string{"epiphany", "epiphany-browser", "org.gnome.epiphany"}},
	{id: Falkon, name: "Falkon",
		keys: []string{"falkon", "org.kde.falkon"}},
	{id: TextBrowser, name: "Text browser",
		keys: []string{"lynx", "w3m", "links", "links2", "elinks"}},
}

// separators may follow a family key in a longer id: channel, Snap app and install suffixes.
const separators = "-._ "

// keyMatches reports whether id is key itself or key followed by a separator and a suffix.
func keyMatches(id, key string) bool {
	if id == key {
		return true
	}
	return len(id) > len(key) && strings.HasPrefix(id, key) && strings.ContainsRune(separators, rune(id[len(key)]))
}

// byKey finds the family of a desktop-file id, bundle id, registry key or executable name.
// The longest matching key wins, so "chromium-browser" is not taken for "chrome".
func byKey(ids ...string) (family, bool) {
	var best family
	bestLen := 0
	for _, raw := range ids {
		id := strings.ToLower(strings.TrimSpace(raw))
		id = strings.TrimSuffix(strings.TrimSuffix(id, ".desktop"), ".exe")
		if id == "" {
			continue
		}
		for _, f := range families {
			for _, k := range f.keys {
				if len(k) > bestLen && keyMatches(id, k) {
					best, bestLen = f, len(k)
				}
			}
		}
		if bestLen > 0 {
			return best, true
		}
	}
	return family{}, false
}

// byProgID finds the family of a Windows URL association ProgId ("ChromeHTML",
// "FirefoxURL-308046B0AF4A39CB", "VivaldiHTM.ABC").
func byProgID(progID string) (family, bool) {
	p := strings.ToLower(strings.TrimSpace(progID))
	if p == "" {
		return family{}, false
	}
	for _, f := range families {
		for _, prefix := range f.progIDs {
			if strings.HasPrefix(p, prefix) {
				return f, true
			}
		}
	}
	return family{}, false
}

// byName finds the family in a display name such as "Mozilla Firefox (x64 ja)" or
// "Google Chrome Beta": the first family whose name or key appears as a word sequence.
func byName(name string) (family, bool) {
	n := " " + strings.ToLower(name) + " "
	for _, f := range families {
		for _, k := range append([]string{strings.ToLower(f.name)}, f.keys...) {
			if strings.Contains(k, ".") {
				continue // bundle and reverse-DNS ids never appear in display names
			}
			if i := strings.Index(n, k); i > 0 && !isWordByte(n[i-1]) && !isWordByte(n[i+len(k)]) {
				return f, true
			}
		}
	}
	return family{}, false
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

// classify fills in a browser's family, support and, when it has none, its name.
func classify(b *Browser, f family, ok bool) {
	if !ok {
		b.Family, b.Supported = "", false
		return
	}
	b.Family, b.Supported = f.id, f.supported
	if b.Name == "" {
		b.Name = f.name
	}
}
