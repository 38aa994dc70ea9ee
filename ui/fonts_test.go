package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/assets/playbook"
)

func TestLoadFontsThenOpen(t *testing.T) {
	for _, language := range []string{i18n.English, i18n.Japanese} {
		t.Run("given the fonts loading in "+language+", when the window opens, then it shows the home page", func(t *testing.T) {
			a := test.NewTempApp(t)
			speak(t, language)
			loaded := LoadFonts(a)
			select {
			case <-loaded:
			case <-time.After(10 * time.Second):
				t.Fatal("the fonts did not finish loading in 10 s: the window would never open")
			}
			s := open(a, Deps{Playbook: playbook.Default(), Platform: "linux", FontsLoaded: loaded}, language)
			t.Cleanup(s.win.Close)
			if got, want := s.current().title, lang.L("What do you see when you sign in?"); got != want {
				t.Errorf("the window shows %q, want the home page %q", got, want)
			}
		})
	}
}
