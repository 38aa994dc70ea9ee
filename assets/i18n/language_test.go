package i18n

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
)

// languageChildEnv, when set, makes TestLanguageChild print what the window would say under
// the configured language it holds. Fyne's lang is one per process, so each case runs in a
// fresh process of this test binary with its own locale.
const languageChildEnv = "SIGNIN_DOCTOR_TEST_CONFIGURED_LANGUAGE"

func TestLanguageChild(t *testing.T) {
	configured, ok := os.LookupEnv(languageChildEnv)
	if !ok {
		t.Skip("run by TestLanguageFollowsConfigThenSystem")
	}
	test.NewTempApp(t)
	system := lang.SystemLocale()
	language := Language(configured, system)
	if err := Use(language, system); err != nil {
		t.Fatal(err)
	}
	// The window's title, a Fyne dialog's button, and the language the playbook is asked in.
	fmt.Printf("RESULT %s|%s|%s\n", lang.L("Sign-in Doctor"), lang.L("Cancel"), language)
}

func TestLanguageFollowsConfigThenSystem(t *testing.T) {
	tests := []struct {
		name, locale, configured string
		want                     string
	}{
		{"given a Japanese system and no language set, then Japanese", "ja_JP.UTF-8", "", "サインイン診断|キャンセル|ja"},
		{"given an English system and no language set, then English", "en_US.UTF-8", "", "Sign-in Doctor|Cancel|en"},
		{"given a French system, then English, Fyne's words too", "fr_FR.UTF-8", "", "Sign-in Doctor|Cancel|en"},
		{"given the C locale, then English", "C.UTF-8", "", "Sign-in Doctor|Cancel|en"},
		{"given config ja on an English system, then Japanese", "en_US.UTF-8", "ja", "サインイン診断|キャンセル|ja"},
		{"given config en on a Japanese system, then English", "ja_JP.UTF-8", "en", "Sign-in Doctor|Cancel|en"},
		{"given config ja on the C locale, then Japanese", "C.UTF-8", "ja", "サインイン診断|キャンセル|ja"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestLanguageChild$", "-test.v")
			cmd.Env = append(os.Environ(), "LANG="+tt.locale, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=",
				languageChildEnv+"="+tt.configured)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			_, got, ok := strings.Cut(string(out), "RESULT ")
			got, _, _ = strings.Cut(got, "\n")
			if !ok || got != tt.want {
				t.Errorf("the window says %q, want %q\n%s", got, tt.want, out)
			}
		})
	}
}
