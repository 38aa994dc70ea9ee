package browsers

import (
	"cmp"
	"slices"
	"strings"
)

// Browser is one installed browser as the OS registers it.
type Browser struct {
	// Name is what the OS shows: the desktop entry's Name, the registry's display name, the
	// bundle's display name.
	Name string `json:"name"`
	// ID is the OS's own id: a desktop-file id ("firefox-esr.desktop"), a StartMenuInternet
	// key ("Google Chrome") or ProgId, a bundle id ("com.google.Chrome").
	ID string `json:"id"`
	// Path is the executable, or on macOS the application bundle.
	Path string `json:"path"`
	// Version is set where reading it is cheap (a file or registry value, never by
	// running the browser); empty otherwise.
	Version string `json:"version"`
	// Supported says whether Google sign-in supports this browser.
	Supported bool `json:"supported"`
	// Family is the product ("firefox" for Firefox ESR too); empty when not recognised.
	Family Family `json:"family"`

	// launch is how Open starts it; filled by the source that found it.
	launch launch
}

// launch is a browser's command line before the URL is put in.
type launch struct {
	// argv is the command: for a desktop entry its Exec with field codes still in it, for
	// the others the program and its fixed arguments.
	argv []string
	// dir is the working directory (a desktop entry's Path key); empty means inherit.
	dir string
	// fieldCodes says argv holds desktop-entry field codes (%u, %U, %f …) to expand.
	fieldCodes bool
	// entry is the desktop file's path, for the %k field code.
	entry string
	// icon and name are a desktop entry's Icon and Name, for the %i and %c field codes.
	icon, name string
}

// sortBrowsers orders browsers by name then id, so reports read the same on every run.
func sortBrowsers(list []Browser) {
	slices.SortFunc(list, func(a, b Browser) int {
		return cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.ID, b.ID))
	})
}

// preference is the order in which a supported browser is suggested: the ones Google names
// first, then the other Chromium-based ones.
var preference = []Family{Chrome, Edge, Firefox, Safari, Chromium, Brave, Opera, Vivaldi}

// suggest returns the installed supported browser to recommend, and false when there is none.
func suggest(installed []Browser) (Browser, bool) {
	var best Browser
	bestRank := len(preference) + 1
	for _, b := range installed {
		if !b.Supported {
			continue
		}
		rank := slices.Index(preference, b.Family)
		if rank < 0 {
			rank = len(preference)
		}
		if rank < bestRank {
			best, bestRank = b, rank
		}
	}
	return best, bestRank <= len(preference)
}

// Choose returns the browser to open a sign-in page in: the default browser when Google
// sign-in supports it, else the installed supported browser the check suggests; false when no
// supported browser is installed. Its arguments are what FromResult returns.
func Choose(installed []Browser, def *Browser) (Browser, bool) {
	if def != nil && def.Supported {
		return *def, true
	}
	return suggest(installed)
}

// names joins the browsers' names for a finding's params.
func names(list []Browser) string {
	out := make([]string, 0, len(list))
	for _, b := range list {
		if !slices.Contains(out, b.Name) {
			out = append(out, b.Name)
		}
	}
	return strings.Join(out, ", ")
}
