package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/signin-doctor/signin-doctor/assets"
)

// Languages the window speaks; the playbook carries both.
const (
	Japanese = "ja"
	English  = "en"
)

// Language returns the language the window speaks: the configuration's when it names one,
// else the system's when it is Japanese, else English.
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

// UseLanguage loads the embedded translations into Fyne's lang and makes it speak language
// (ja or en), whatever the system's locale, so that the window's own words, Fyne's dialogs and
// the playbook's content agree. system is the locale Fyne reads from the system
// (lang.SystemLocale()).
func UseLanguage(language string, system fyne.Locale) error {
	if err := lang.AddTranslationsFS(assets.Translations, assets.TranslationsDir); err != nil {
		return fmt.Errorf("loading the translations: %w", err)
	}
	if Language("", system) == language && baseLanguage(system) == language {
		return nil
	}
	// Fyne's lang has no way to choose a language: it matches the system's locale against
	// the languages it was given. So the chosen language's words are also given under the
	// system's locale, which then matches them exactly. A locale Fyne cannot parse ("C")
	// falls back to English, so there the words go under "en".
	data, err := assets.Translations.ReadFile(assets.TranslationsDir + "/" + language + ".json")
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

// baseLanguage returns the language part of a locale ("ja" of "ja-JP"), or "" when the locale
// names no language Fyne can match ("und", "C").
func baseLanguage(l fyne.Locale) string {
	base, _, _ := strings.Cut(l.String(), "-")
	if len(base) < 2 || base == "und" {
		return ""
	}
	return base
}
