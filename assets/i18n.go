package assets

import "embed"

// Translations holds the window's words in go-i18n JSON, one file per language (en.json,
// ja.json) under the folder "i18n", for fyne.io/fyne/v2/lang.AddTranslationsFS. The ids are the
// English text, so a string missing from a file still reads as English. ja.json also carries
// Japanese for Fyne's own widgets (Cancel, OK, Save…), which Fyne does not ship.
//
//go:embed i18n/*.json
var Translations embed.FS

// TranslationsDir is the folder of Translations that holds the files.
const TranslationsDir = "i18n"
