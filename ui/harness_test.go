package ui

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/assets/playbook"
	"github.com/signin-doctor/signin-doctor/checks"
)

// harness drives the window on Fyne's headless test driver the way a person would: it taps
// what is on screen, types, and presses keys. The test goroutine is the UI thread: what the
// window hands to fyne.Do from its goroutines is queued and run by pump.
type harness struct {
	t      *testing.T
	app    fyne.App
	s      *shell
	queue  chan func()
	opened []string // URLs the window asked to open
}

// newHarness opens the window in language with deps; a nil Playbook is the embedded one and a
// nil Links records the URL.
func newHarness(t *testing.T, language string, d Deps) *harness {
	t.Helper()
	h := &harness{t: t, app: test.NewTempApp(t), queue: make(chan func(), 256)}
	speak(t, language)
	if d.Playbook == nil {
		d.Playbook = playbook.Default()
	}
	if d.Platform == "" {
		d.Platform = "linux"
	}
	if d.Links == nil {
		d.Links = linkRecorder{h}
	}
	s := newShell(h.app, d, language)
	s.do = func(f func()) { h.queue <- f }
	s.push(s.homePage())
	s.win.Resize(fyne.NewSize(720, 520))
	h.s = s
	t.Cleanup(s.win.Close)
	return h
}

// speak makes Fyne's lang speak language for the test. Fyne's lang reads the locale from the
// environment, so the test sets the one it means.
func speak(t *testing.T, language string) {
	t.Helper()
	t.Setenv("LANG", map[string]string{i18n.Japanese: "ja_JP.UTF-8", i18n.English: "en_US.UTF-8"}[language])
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANGUAGE", "")
	if err := i18n.Use(language, lang.SystemLocale()); err != nil {
		t.Fatal(err)
	}
}

// pump runs what the window's goroutines queued until done reports true, for at most 5 s.
func (h *harness) pump(what string, done func() bool) {
	h.t.Helper()
	deadline := time.After(5 * time.Second)
	for !done() {
		select {
		case f := <-h.queue:
			f()
		case <-deadline:
			h.t.Fatalf("waited 5 s for %s; the window shows:\n%s", what, h.screen())
		}
	}
}

// objects returns everything on screen: the page and any dialog over it. (Not
// test.LaidOutObjects: it makes each widget a second renderer, and since Fyne 2.8 a label
// then draws its old text for ever after.)
func (h *harness) objects() []fyne.CanvasObject {
	c := h.s.win.Canvas()
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		out = append(out, o)
		if _, ok := o.(*wrapText); ok {
			return // its label only draws its lines: the text is the wrapText's
		}
		for _, child := range children(o) {
			walk(child)
		}
	}
	walk(c.Content())
	for _, o := range c.Overlays().List() {
		walk(o)
	}
	return out
}

// buttons returns the visible buttons labelled text.
func (h *harness) buttons(text string) []*button {
	var out []*button
	for _, o := range h.objects() {
		if b, ok := o.(*button); ok && b.Visible() && b.Text == text {
			out = append(out, b)
		}
	}
	return out
}

// button returns the one visible button labelled text, or fails.
func (h *harness) button(text string) *button {
	h.t.Helper()
	bs := h.buttons(text)
	if len(bs) == 0 {
		h.t.Fatalf("no button %q on screen; the window shows:\n%s", text, h.screen())
	}
	return bs[0]
}

// tap taps the button labelled text.
func (h *harness) tap(text string) {
	h.t.Helper()
	b := h.button(text)
	if b.Disabled() {
		h.t.Fatalf("the button %q is disabled", text)
	}
	test.Tap(b)
}

// key presses a key as the desktop driver delivers it: to the focused widget, else to the
// window. Space is a key and a character too, and a check box answers the character.
func (h *harness) key(name fyne.KeyName) {
	c := h.s.win.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		if name == fyne.KeySpace && c.Focused() == f {
			f.TypedRune(' ')
		}
		return
	}
	if on := c.OnTypedKey(); on != nil {
		on(ev)
	}
}

// tab moves the focus on, as Tab does.
func (h *harness) tab() { h.s.win.Canvas().FocusNext() }

// focusedText is the label of the focused button, or "".
func (h *harness) focusedText() string {
	if b, ok := h.s.win.Canvas().Focused().(*button); ok {
		return b.Text
	}
	return ""
}

// texts returns every visible text on screen: labels, buttons and entries.
func (h *harness) texts() []string {
	var out []string
	for _, o := range h.objects() {
		if !o.Visible() {
			continue
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *spokenLabel:
			out = append(out, w.Text)
		case *wrapText:
			out = append(out, w.Text)
		case *button:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		}
	}
	return out
}

// sees reports whether some visible text contains s.
func (h *harness) sees(s string) bool {
	for _, t := range h.texts() {
		if strings.Contains(t, s) {
			return true
		}
	}
	return false
}

// screen is the window's texts, one a line, for failure messages.
func (h *harness) screen() string {
	return "  " + strings.Join(h.texts(), "\n  ")
}

// onQuestion reports whether the wizard asks a question: its Next waits for an answer.
func (h *harness) onQuestion() bool {
	bs := h.buttons("Next")
	return len(bs) > 0 && bs[0].Disabled()
}

// title is the current page's title.
func (h *harness) title() string { return h.s.current().title }

// forward moves the wizard on as a person who just reads does: the phone question answered
// iPhone where it is asked, then Next, Next remedy or Finish, whichever the page has.
func (h *harness) forward() {
	h.t.Helper()
	if len(h.buttons("iPhone")) > 0 {
		h.tap("iPhone")
	}
	for _, b := range []string{"Next", "Next remedy", "Finish"} {
		if len(h.buttons(b)) > 0 {
			h.tap(b)
			return
		}
	}
	h.t.Fatalf("the wizard has no way forward:\n%s", h.screen())
}

// scripted is a Diagnose that reports each result of rep as started and finished, in order,
// and returns rep; asked is told which symptom it was asked for.
func scripted(rep checks.Report, asked chan<- string) DiagnoseFunc {
	return func(_ context.Context, symptom string, observe func(checks.Event)) checks.Report {
		asked <- symptom
		for _, r := range rep.Results {
			observe(checks.Event{Kind: checks.Started, ID: r.ID, At: time.Now()})
			observe(checks.Event{Kind: checks.Finished, ID: r.ID, At: time.Now(), Result: r})
		}
		return rep
	}
}

// linkRecorder opens no page: it records the URL the window asked for.
type linkRecorder struct{ h *harness }

func (r linkRecorder) OpenURL(u *url.URL) error {
	r.h.opened = append(r.h.opened, u.String())
	return nil
}
