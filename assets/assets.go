// Package assets holds what the app ships besides code: its icon, and (in sub-packages and
// embedded files) the playbook content and the translations. Everything is embedded in the
// binary, so the binary alone is the app.
package assets

import (
	_ "embed"
)

// Icon is the app icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte
