package ui

import (
	"context"
	"errors"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
)

func TestJapaneseWindowSpeaksJapaneseThroughout(t *testing.T) {
	rep := checks.Report{Results: symptomCases[0].report}
	h := newHarness(t, i18n.Japanese, Deps{Checks: scripted(rep, make(chan string, 4))})
	book := h.s.deps.Playbook
	sym, _ := book.Symptom(checks.SymptomIPRestricted)

	// given LANG=ja_JP.UTF-8, then the home screen asks in Japanese and lists the messages as
	// the service shows them in Japanese
	if h.title() != "サインイン時に何が表示されますか?" || !h.sees("わからない — すべて確認する") {
		t.Fatalf("the home screen is not in Japanese:\n%s", h.screen())
	}
	// when the person picks the IP message, then the checks and the wizard are in Japanese
	h.tap(sym.Error.JA)
	h.pump("the checks to finish", func() bool { return !h.button("対処方法を見る").Disabled() })
	if !h.sees(book.CheckTitle(checks.VPN, i18n.Japanese)) {
		t.Errorf("the live list is not in Japanese:\n%s", h.screen())
	}
	h.key(fyne.KeyReturn)
	if !h.sees("見つかったこと") || !h.sees("通信はVPN(tun0)を経由しています。") {
		t.Errorf("the wizard does not say what was found in Japanese:\n%s", h.screen())
	}
}

func TestLiveListSaysWhenACheckTakesLong(t *testing.T) {
	release := make(chan struct{})
	started := make(chan struct{})
	diagnose := func(ctx context.Context, _ string, observe func(checks.Event)) checks.Report {
		observe(checks.Event{Kind: checks.Started, ID: checks.Clock, At: time.Now()})
		close(started)
		select {
		case <-release:
		case <-ctx.Done():
		}
		r := result(checks.Clock, checks.Unknown, nil)
		observe(checks.Event{Kind: checks.Finished, ID: checks.Clock, At: time.Now(), Result: r})
		return checks.Report{Results: []checks.Result{r, result(checks.TimeSync, checks.OK, nil)}}
	}
	h := newHarness(t, i18n.English, Deps{Checks: DiagnoseFunc(diagnose)})
	h.s.slowAfter = 50 * time.Millisecond
	sym, _ := h.s.deps.Playbook.Symptom(checks.SymptomOTPIncorrect)

	// given a check that does not answer, when the person waits
	h.tap(sym.Error.EN)
	<-started
	h.pump("the row to say it is checking", func() bool { return h.sees("checking…") })
	if !h.sees("waiting…") {
		t.Errorf("the check not started yet does not say it waits:\n%s", h.screen())
	}
	// then its row says it is still checking, and nothing offers advice yet
	h.pump("the row to say it takes long", func() bool { return h.sees("still checking…") })
	if !h.button("See what to do").Disabled() {
		t.Error("advice is offered before the checks finished")
	}
	// when it finishes with no answer, then it is said calmly, as could-not-tell
	close(release)
	h.pump("the checks to finish", func() bool { return !h.button("See what to do").Disabled() })
	clock, _ := h.s.deps.Playbook.Check(checks.Clock)
	if !h.sees(clock.Unknown.EN) {
		t.Errorf("the unknown clock does not say %q:\n%s", clock.Unknown.EN, h.screen())
	}
	if h.sees("waiting…") {
		t.Errorf("a row still waits after the run ended:\n%s", h.screen())
	}
}

func TestLeavingTheChecksStopsThem(t *testing.T) {
	stopped := make(chan error, 1)
	diagnose := func(ctx context.Context, _ string, _ func(checks.Event)) checks.Report {
		<-ctx.Done()
		stopped <- ctx.Err()
		return checks.Report{}
	}
	h := newHarness(t, i18n.English, Deps{Checks: DiagnoseFunc(diagnose)})
	h.tap("I'm not sure — check everything")
	// when the person goes back while the checks run, then they are cancelled
	h.key(fyne.KeyEscape)
	select {
	case err := <-stopped:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("the checks ended with %v, want cancelled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the checks were not stopped when the person left")
	}
}

func TestHomeScreen(t *testing.T) {
	t.Run("given IT hid a symptom, then home does not offer it", func(t *testing.T) {
		h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 1)),
			Hidden: []string{checks.SymptomOneAuthUpdate}})
		book := h.s.deps.Playbook
		hidden, _ := book.Symptom(checks.SymptomOneAuthUpdate)
		shown, _ := book.Symptom(checks.SymptomSessionLimit)
		if len(h.buttons(hidden.Error.EN)) != 0 || len(h.buttons(shown.Error.EN)) != 1 {
			t.Errorf("hidden %q shown, or %q missing:\n%s", hidden.Error.EN, shown.Error.EN, h.screen())
		}
	})
	t.Run("given a bad configuration, then home says where and goes on", func(t *testing.T) {
		bad := errors.New("/etc/signin-doctor/signin-doctor.toml:7: clock.warn_seconds: must be a number")
		h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 1)), ConfigError: bad})
		if !h.sees("could not be read") || !h.sees("signin-doctor.toml:7: clock.warn_seconds") {
			t.Errorf("the bad configuration is not explained:\n%s", h.screen())
		}
		if len(h.buttons("I'm not sure — check everything")) != 1 {
			t.Error("the window does not go on after a bad configuration")
		}
	})
	t.Run("given the home screen, then every symptom is offered by its message", func(t *testing.T) {
		h := newHarness(t, i18n.English, Deps{Checks: scripted(checks.Report{}, make(chan string, 1))})
		for _, id := range checks.SymptomIDs() {
			sym, ok := h.s.deps.Playbook.Symptom(id)
			if !ok || len(h.buttons(sym.Error.EN)) != 1 {
				t.Errorf("home does not offer %s", id)
			}
		}
	})
}
