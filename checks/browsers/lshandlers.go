package browsers

import (
	"fmt"
	"strings"

	"howett.net/plist"
)

// safariID is the default browser when LaunchServices records no choice.
const safariID = "com.apple.Safari"

// launchServicesPrefs is the per-user LaunchServices preferences file, relative to home.
const launchServicesPrefs = "Library/Preferences/com.apple.LaunchServices/com.apple.launchservices.secure.plist"

// lsHandler is one entry of the LSHandlers array.
type lsHandler struct {
	URLScheme   string `plist:"LSHandlerURLScheme"`
	ContentType string `plist:"LSHandlerContentType"`
	RoleAll     string `plist:"LSHandlerRoleAll"`
	RoleViewer  string `plist:"LSHandlerRoleViewer"`
}

type lsPrefs struct {
	Handlers []lsHandler `plist:"LSHandlers"`
}

// parseLSHandlers reads LaunchServices preferences (binary or XML) and returns the bundle id
// that handles each URL scheme, lower-cased scheme to bundle id. LaunchServices appends a new
// choice rather than replacing the old one, so the last entry for a scheme wins.
func parseLSHandlers(data []byte) (map[string]string, error) {
	var prefs lsPrefs
	if _, err := plist.Unmarshal(data, &prefs); err != nil {
		return nil, fmt.Errorf("reading LaunchServices preferences: %w", err)
	}
	out := map[string]string{}
	for _, h := range prefs.Handlers {
		if h.URLScheme == "" {
			continue
		}
		id := h.RoleAll
		if id == "" {
			id = h.RoleViewer
		}
		if id == "" || id == "-" {
			continue
		}
		out[strings.ToLower(h.URLScheme)] = id
	}
	return out, nil
}

// defaultBundleID returns the https handler, else the http one, else Safari.
func defaultBundleID(handlers map[string]string) (id string, chosen bool) {
	for _, scheme := range []string{"https", "http"} {
		if id := handlers[scheme]; id != "" {
			return id, true
		}
	}
	return safariID, false
}
