package packaging

import (
	"fmt"
	"strings"
	"testing"

	"github.com/signin-doctor/signin-doctor/internal/peer"
	"github.com/signin-doctor/signin-doctor/packaging/internal/wine"
)

// Registry keys as Windows names them.
const (
	hklmClients   = `HKLM\SOFTWARE\Clients\StartMenuInternet\`
	hklmClients32 = `HKLM\SOFTWARE\WOW6432Node\Clients\StartMenuInternet\`
	hklmAppPaths  = `HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\App Paths\`
	httpsChoice   = `HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\https\UserChoice`
	httpChoice    = `HKCU\Software\Microsoft\Windows\Shell\Associations\UrlAssociations\http\UserChoice`
	inetSettings  = `HKCU\Software\Microsoft\Windows\CurrentVersion\Internet Settings`
)

// browserInstall is the registry a browser's installer leaves: its StartMenuInternet entry
// (name, the ProgId it registers for https, the program) and its App Paths entry.
func browserInstall(clients, key, name, progID, exe string) []wine.RegValue {
	return []wine.RegValue{
		{Key: clients + key, Data: name},
		{Key: clients + key + `\Capabilities`, Name: "ApplicationName", Data: name},
		{Key: clients + key + `\Capabilities\URLAssociations`, Name: "http", Data: progID},
		{Key: clients + key + `\Capabilities\URLAssociations`, Name: "https", Data: progID},
		{Key: clients + key + `\shell\open\command`, Data: `"` + exe + `"`},
		{Key: hklmAppPaths + baseNameWin(exe), Data: exe},
		{Key: hklmAppPaths + baseNameWin(exe), Name: "Path", Data: exe[:strings.LastIndex(exe, `\`)]},
	}
}

func baseNameWin(p string) string { return p[strings.LastIndex(p, `\`)+1:] }

const (
	chromeExe  = `C:\Program Files\Google\Chrome\Application\chrome.exe`
	edgeExe    = `C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe`
	firefoxExe = `C:\Program Files\Mozilla Firefox\firefox.exe`
	firefoxKey = "Firefox-308046B0AF4A39CB"
)

// browsers runs the browsers check first on the prefix as Wine makes it (Internet Explorer
// only, and a UserChoice naming the "https" protocol class, whose program is winebrowser),
// then with Chrome, Edge (32-bit view) and Firefox installed and Firefox chosen for https.
func (w winCLI) browsers(t *testing.T) {
	t.Run("given only Internet Explorer then no supported browser", func(t *testing.T) {
		rep := w.check(t, "--only", "browsers")
		r := rep.result(t, "browsers")
		if r.Status != "fail" || !rep.hasFinding("no-supported-browser") {
			t.Errorf("browsers: %s %q, findings %v; want fail with no-supported-browser", r.Status, r.Summary, rep.Findings)
		}
		def, _ := r.Details["default"].(map[string]any)
		if def["name"] == "https" || !strings.HasSuffix(fmt.Sprint(def["path"]), `\winebrowser.exe`) {
			t.Errorf("default %v: want the program the https class opens (winebrowser), not the ProgId", def)
		}
	})

	t.Run("given Chrome, Edge and Firefox with Firefox the default then all listed and Firefox named", func(t *testing.T) {
		var values []wine.RegValue
		values = append(values, browserInstall(hklmClients, "Google Chrome", "Google Chrome", "ChromeHTML", chromeExe)...)
		values = append(values, browserInstall(hklmClients32, "Microsoft Edge", "Microsoft Edge", "MSEdgeHTM", edgeExe)...)
		values = append(values, browserInstall(hklmClients, firefoxKey, "Mozilla Firefox", "FirefoxURL-308046B0AF4A39CB", firefoxExe)...)
		values = append(values,
			wine.RegValue{Key: httpsChoice, Name: "ProgId", Data: "FirefoxURL-308046B0AF4A39CB"},
			wine.RegValue{Key: httpsChoice, Name: "Hash", Data: "gXUXZMx5Lvw="},
			wine.RegValue{Key: httpChoice, Name: "ProgId", Data: "FirefoxURL-308046B0AF4A39CB"})
		w.prefix.RegAdd(t, values...)

		rep := w.check(t, "--only", "browsers")
		r := rep.result(t, "browsers")
		if r.Status != "ok" {
			t.Errorf("browsers: %s %q, want ok", r.Status, r.Summary)
		}
		installed, _ := r.Details["installed"].([]any)
		paths := map[string]bool{}
		for _, b := range installed {
			if m, ok := b.(map[string]any); ok {
				paths[fmt.Sprint(m["family"])+" "+fmt.Sprint(m["path"])] = true
			}
		}
		for _, want := range []string{"chrome " + chromeExe, "edge " + edgeExe, "firefox " + firefoxExe} {
			if !paths[want] {
				t.Errorf("installed %v: %s is missing", installed, want)
			}
		}
		def, _ := r.Details["default"].(map[string]any)
		if def["id"] != firefoxKey || def["name"] != "Mozilla Firefox" || def["path"] != firefoxExe {
			t.Errorf("default %v, want Mozilla Firefox (%s) at %s", def, firefoxKey, firefoxExe)
		}
	})
}

// proxy sets the user's proxy in Internet Settings as Windows' proxy page or a group policy
// does, to a real forward proxy on loopback, and wants the portal probe to go through it (the
// proxy logs it) and the reach details to name it; then ProxyOverride lists the portal's
// address, and the probe must go direct.
func (w winCLI) proxy(t *testing.T, lan string) {
	tp := peer.StartTinyproxy(t, peer.TinyproxyOptions{})
	w.prefix.RegAdd(t,
		wine.RegValue{Key: inetSettings, Name: "ProxyEnable", Type: "REG_DWORD", Data: "1"},
		wine.RegValue{Key: inetSettings, Name: "ProxyServer", Data: tp.Addr},
		wine.RegValue{Key: inetSettings, Name: "ProxyOverride", Data: "*.intranet.example;<local>"})
	t.Cleanup(func() {
		w.prefix.RegAdd(t, wine.RegValue{Key: inetSettings, Name: "ProxyEnable", Type: "REG_DWORD", Data: "0"})
	})
	want := "http://" + tp.Addr

	t.Run("given ProxyEnable and ProxyServer then the probes go through the proxy", func(t *testing.T) {
		rep := w.check(t, "--only", "connectivity,reach")
		conn := rep.result(t, "connectivity")
		if conn.Status != "ok" || conn.Details["proxy"] != want {
			t.Errorf("connectivity: %s %q, proxy %v; want ok through %s", conn.Status, conn.Summary, conn.Details["proxy"], want)
		}
		if !strings.Contains(tp.Log(t), "generate_204") {
			t.Errorf("the proxy saw no portal request; its log:\n%s", tp.Log(t))
		}
		reach := rep.result(t, "reach")
		if reach.Details["proxy"] != want {
			t.Errorf("reach: proxy %v, want %s; %q", reach.Details["proxy"], want, reach.Summary)
		}
		endpoints, _ := reach.Details["endpoints"].([]any)
		if len(endpoints) != 1 {
			t.Fatalf("reach endpoints %v, want the one configured", endpoints)
		}
		ep, _ := endpoints[0].(map[string]any)
		// The endpoint's port is closed: the proxy says it cannot connect, with its status.
		if ep["via"] != want || ep["stage"] != "proxy" || ep["reason"] != "proxy-refused" {
			t.Errorf("endpoint %v: want via %s, stopped at the proxy, which refused it", ep, want)
		}
	})

	t.Run("given the portal's address in ProxyOverride then the probe goes direct", func(t *testing.T) {
		w.prefix.RegAdd(t, wine.RegValue{Key: inetSettings, Name: "ProxyOverride", Data: lan + ";<local>"})
		before := strings.Count(tp.Log(t), "generate_204")
		rep := w.check(t, "--only", "connectivity")
		conn := rep.result(t, "connectivity")
		if conn.Status != "ok" || conn.Details["proxy"] != nil {
			t.Errorf("connectivity: %s %q, proxy %v; want ok and direct", conn.Status, conn.Summary, conn.Details["proxy"])
		}
		if after := strings.Count(tp.Log(t), "generate_204"); after != before {
			t.Errorf("the proxy saw the portal request (%d before, %d after): ProxyOverride was not honoured", before, after)
		}
	})
}
