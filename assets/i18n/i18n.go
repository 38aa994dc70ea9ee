// Package i18n holds the app's words in Japanese and English, and the choice of which the app
// speaks. The words are go-i18n JSON files (en.json, ja.json) for fyne.io/fyne/v2/lang; their
// ids are the English text, so a string missing from a file still reads as English. ja.json
// also carries Japanese for Fyne's own widgets (Cancel, OK, Save…), which Fyne does not ship.
//
// The window and the command line both choose their language here (Language), so the CLI
// needs nothing of the window's package to speak the configured language.
package i18n

import (
	"embed"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Files holds the translations, one JSON file per language at the top of the FS.
//
//go:embed *.json
var Files embed.FS

// Languages the app speaks; the playbook carries both.
const (
	Japanese = "ja"
	English  = "en"
)

// Language returns the language the app speaks: the configuration's when it names one, else
// the system's when it is Japanese, else English.
func Language(configured string, system fyne.Locale) string {
	switch configured {
	case Japanese, English:
		return configured
	}
	if strings.HasPrefix(system.String(), "ja") {
		return Japanese
	}
	return English
}

// Use loads the translations into Fyne's lang and makes it speak language (ja or en), whatever
// the system's locale, so that the window's own words, Fyne's dialogs and the playbook's
// content agree. system is the locale Fyne reads from the system (lang.SystemLocale()).
func Use(language string, system fyne.Locale) error {
	if err := addAll(); err != nil {
		return err
	}
	if Language("", system) == language && baseLanguage(system) == language {
		return nil
	}
	// Fyne's lang has no way to choose a language: it matches the system's locale against
	// the languages it was given. So the chosen language's words are also given under the
	// system's locale, which then matches them exactly. A locale Fyne cannot parse ("C")
	// falls back to English, so there the words go under "en".
	data, err := Files.ReadFile(language + ".json")
	if err != nil {
		return fmt.Errorf("loading the %s translations: %w", language, err)
	}
	target := system
	if baseLanguage(system) == "" {
		target = English
	}
	if err := lang.AddTranslationsForLocale(data, target); err != nil {
		return fmt.Errorf("loading the %s translations for the locale %s: %w", language, target, err)
	}
	return nil
}

// addAll gives Fyne's lang every translation file; each file's name says its language.
func addAll() error {
	entries, err := Files.ReadDir(".")
	if err != nil {
		return fmt.Errorf("listing the translations: %w", err)
	}
	for _, e := range entries {
		data, err := Files.ReadFile(e.Name())
		if err == nil {
			err = lang.AddTranslations(fyne.NewStaticResource(e.Name(), data))
		}
		if err != nil {
			return fmt.Errorf("loading the translations %s: %w", e.Name(), err)
		}
	}
	return nil
}

// baseLanguage returns the language part of a locale ("ja" of "ja-JP"), or "" when the locale
// names no language Fyne can match ("und", "C").
func baseLanguage(l fyne.Locale) string {
	base, _, _ := strings.Cut(l.String(), "-")
	if len(base) < 2 || base == "und" {
		return ""
	}
	return base
}
