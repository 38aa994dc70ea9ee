package ui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/signin-doctor/signin-doctor/assets/i18n"
	"github.com/signin-doctor/signin-doctor/checks"
)

// listener checks each screen the way a screen reader meets it: what a person can see or use
// must be in the list Fyne's desktop drivers hand the system (a11yElements), with a label in
// the window's language and the right role.
type listener struct {
	t        *testing.T
	language string
	english  map[string]bool // the English catalogue's texts that Japanese says otherwise
	heard    int             // screens checked
}

func newListener(t *testing.T, language string) *listener {
	l := &listener{t: t, language: language, english: map[string]bool{}}
	if language == i18n.Japanese {
		ja := translations(t, "ja.json")
		for en := range translations(t, "en.json") {
			if ja[en] != en && len(en) > 3 {
				l.english[en] = true
			}
		}
	}
	return l
}

// listen fails the test with everything on h's screen that a screen reader would not say.
func (l *listener) listen(h *harness, where string) {
	l.t.Helper()
	l.heard++
	c := h.s.win.Canvas()
	roots := append([]fyne.CanvasObject{c.Content()}, c.Overlays().List()...)
	for _, root := range roots {
		heard := map[fyne.CanvasObject]a11yElement{}
		for _, el := range a11yElements(root) {
			heard[el.obj] = el
		}
		for _, problem := range l.unheard(root, heard) {
			l.t.Errorf("%s, %s: %s", l.language, where, problem)
		}
	}
}

// unheard walks everything drawn under o, inside widgets too, and says what is shown or can be
// used but is not heard, or heard wrongly.
func (l *listener) unheard(o fyne.CanvasObject, heard map[fyne.CanvasObject]a11yElement) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	if el, ok := heard[o]; ok {
		return l.wrong(o, el)
	}
	switch w := o.(type) {
	case fyne.Tappable, fyne.Focusable:
		return []string{fmt.Sprintf("the %T %q can be used but is not heard", o, drawnText(o))}
	case *canvas.Text:
		if strings.TrimSpace(w.Text) != "" {
			return []string{fmt.Sprintf("the text %q is shown but not heard", w.Text)}
		}
	case *canvas.Image:
		return []string{"an image is shown but not heard"}
	case *widget.Icon:
		return nil // a sign beside words that say it: the window never shows a sign alone
	}
	var out []string
	for _, child := range children(o) {
		out = append(out, l.unheard(child, heard)...)
	}
	return out
}

// wrong says what is wrong with how o is heard: no label, a role that does not say it can be
// used, a secret read out, English in a Japanese window, or words it shows but does not say.
func (l *listener) wrong(o fyne.CanvasObject, el a11yElement) []string {
	var out []string
	say := func(format string, a ...any) {
		out = append(out, fmt.Sprintf("%T %q: ", o, el.label)+fmt.Sprintf(format, a...))
	}
	if strings.TrimSpace(el.label) == "" {
		say("heard with no label")
	}
	if l.english[el.label] {
		say("heard in English")
	}
	switch w := o.(type) {
	case *entry:
		if (w.Password || w.private) && w.Text != "" && strings.Contains(el.label, w.Text) {
			say("reads out what was typed in a secret field")
		}
		if w.Password && !strings.Contains(el.label, lang.L("{{.Name}}: password field, what you type is not read out", map[string]any{"Name": w.name})) {
			say("a secret's field is not heard as a password field")
		}
		return out
	case *spokenLabel, *doneBox, *picture:
		return out // they say in other words what they show
	case fyne.Tappable:
		if el.role != fyne.AccessibleRoleButton && el.role != fyne.AccessibleRoleLink {
			say("can be used but is heard as %q", el.role)
		}
	}
	for _, text := range drawnTexts(o) {
		if !strings.Contains(el.label, text) {
			say("shows %q but does not say it", text)
		}
	}
	return out
}

// children are what o draws: a container's objects, a scroll's content, a widget's renderer's
// objects.
func children(o fyne.CanvasObject) []fyne.CanvasObject {
	switch w := o.(type) {
	case *fyne.Container:
		return w.Objects
	case *pageScroll:
		return []fyne.CanvasObject{w.Content}
	case *container.Scroll:
		return []fyne.CanvasObject{w.Content}
	case fyne.Widget:
		return test.WidgetRenderer(w).Objects()
	}
	return nil
}

// drawnTexts are the non-blank texts drawn under o.
func drawnTexts(o fyne.CanvasObject) []string {
	if o == nil || !o.Visible() {
		return nil
	}
	if t, ok := o.(*canvas.Text); ok {
		if s := strings.TrimSpace(t.Text); s != "" {
			return []string{s}
		}
		return nil
	}
	var out []string
	for _, child := range children(o) {
		out = append(out, drawnTexts(child)...)
	}
	return out
}

func drawnText(o fyne.CanvasObject) string { return strings.Join(drawnTexts(o), " ") }

// Every screen, in Japanese and in English, is heard by a screen reader: every message of the
// home screen from its checks through each remedy to the report, a sheet over a page, checking
// again, the one-time-code screen with a secret in it, and the scan-code check.
func TestAScreenReaderHearsEveryScreen(t *testing.T) {
	for _, language := range []string{i18n.Japanese, i18n.English} {
		t.Run(language, func(t *testing.T) {
			l := newListener(t, language)
			for _, tc := range symptomCases {
				t.Run(tc.symptom, func(t *testing.T) { l.t = t; listenToSymptom(l, language, tc.symptom, tc.report) })
			}
			t.Run("check again", func(t *testing.T) { l.t = t; listenToCheckAgain(l, language) })
			t.Run("one-time code", func(t *testing.T) { l.t = t; listenToTOTP(l, language) })
			t.Run("scan code", func(t *testing.T) { l.t = t; listenToCalibration(l, language) })
			if l.heard < 3*len(symptomCases) {
				t.Errorf("only %d screens were heard", l.heard)
			}
		})
	}
}

// listenToSymptom goes, listening, from the home screen through symptom's checks and every
// remedy to the report and a sheet over it.
func listenToSymptom(l *listener, language, symptom string, results []checks.Result) {
	t := l.t
	h := newHarness(t, language, Deps{Checks: scripted(checks.Report{Results: results}, make(chan string, 4)), Helpdesk: testHelpdesk})
	book := h.s.deps.Playbook
	sym, _ := book.Symptom(symptom)
	l.listen(h, "home")
	h.tap(sym.Error.In(language))
	if len(checks.ChecksFor(symptom)) > 0 {
		h.pump("the checks to finish", func() bool { return !h.button(lang.L("See what to do")).Disabled() })
		l.listen(h, "the checks")
		h.tap(lang.L("See what to do"))
	}
	l.listen(h, "what was found")
	for step := 0; !h.sees(lang.L("Did that help?")); step++ {
		if step > 20 {
			t.Fatalf("the wizard does not end:\n%s", h.screen())
		}
		if bs := h.buttons(lang.L("Next")); len(bs) > 0 && bs[0].Disabled() { // a question
			h.key(fyne.KeyReturn)
		}
		if len(h.buttons(lang.L("iPhone"))) > 0 {
			l.listen(h, fmt.Sprintf("page %d, the phone asked", step))
			h.tap(lang.L("iPhone"))
		}
		if boxes := doneBoxes(h); len(boxes) > 0 {
			test.Tap(boxes[0])
		}
		l.listen(h, fmt.Sprintf("page %d", step))
		forwardIn(h)
	}
	l.listen(h, "the end")
	h.tap(lang.L("Share a report…"))
	l.listen(h, "the report")
	h.tap(lang.L("Copy"))
	l.listen(h, "a sheet over the report")
}

// forwardIn is harness.forward in the window's language.
func forwardIn(h *harness) {
	h.t.Helper()
	for _, b := range []string{lang.L("Next"), lang.L("Next remedy"), lang.L("Finish")} {
		if len(h.buttons(b)) > 0 {
			h.tap(b)
			return
		}
	}
	h.t.Fatalf("the wizard has no way forward:\n%s", h.screen())
}

func doneBoxes(h *harness) []*doneBox {
	var out []*doneBox
	for _, o := range h.objects() {
		if b, ok := o.(*doneBox); ok && b.Visible() {
			out = append(out, b)
		}
	}
	return out
}

// listenToCheckAgain runs the checks again after the clock's remedy: still wrong, then right.
func listenToCheckAgain(l *listener, language string) {
	h := newHarness(l.t, language, Deps{Checks: runs(clockBehind, clockBehind, clockRight)})
	sym, _ := h.s.deps.Playbook.Symptom(checks.SymptomOTPIncorrect)
	h.tap(sym.Error.In(language))
	h.pump("the checks to finish", func() bool { return !h.button(lang.L("See what to do")).Disabled() })
	h.tap(lang.L("See what to do"))
	h.tap(lang.L("Next"))
	for _, when := range []string{"still wrong", "right"} {
		h.tap(lang.L("Check again"))
		h.pump("the checks to run again", func() bool { return !h.sees(lang.L("Checking again… this takes a few seconds.")) })
		l.listen(h, "checked again, "+when)
		h.key(fyne.KeyEscape)
	}
}

// listenToTOTP listens to the one-time-code screen with a secret and a code typed, compared.
func listenToTOTP(l *listener, language string) {
	h := newHarness(l.t, language, Deps{
		Checks: scripted(checks.Report{}, make(chan string, 4)), Clock: measuredClock{0, true}, Settings: noSettings{}})
	ts := newTOTPScreen(h.s)
	h.s.push(ts.page())
	h.pump("the clock to be measured", func() bool { return ts.reading.Known })
	l.listen(h, "the one-time-code screen")
	const secret = "JBSWY3DPEHPK3PXP"
	test.Type(ts.entry, secret)
	test.Type(ts.code, phoneCode(l.t, secret, 40*time.Second))
	l.listen(h, "a secret and a code typed")
	h.tap(lang.L("Compare"))
	l.listen(h, "the codes compared")
}

// listenToCalibration listens to the scan-code check before and after the phone's codes.
func listenToCalibration(l *listener, language string) {
	h, cs := openCalibrate(l.t, language, 0, true)
	l.listen(h, "the scan-code check")
	typeFromPhone(l.t, h, cs, 45*time.Second)
	l.listen(h, "the scan-code check's result")
}

// The listener itself can fail: what Fyne's drivers cannot reach — a widget.Form's fields, a
// Check box, a picture with no words, a row inside a widget that does not say it — is caught.
func TestTheListenerCatchesWhatIsNotHeard(t *testing.T) {
	speak(t, i18n.English)
	tests := []struct {
		name string
		page fyne.CanvasObject
		want string
	}{
		{"a form's field", widget.NewForm(widget.NewFormItem("Code", widget.NewEntry())), "can be used but is not heard"},
		{"a plain check box", container.NewVBox(widget.NewCheck("Done", nil)), "can be used but is not heard"},
		{"an image without words", container.NewVBox(canvas.NewImageFromResource(blankIcon())), "an image is shown but not heard"},
		{"text inside a card", widget.NewCard("Title", "", nil), "is shown but not heard"},
		{"a check row that hides its line", hidingRow(), "does not say it"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			w := test.NewTempWindow(t, tc.page)
			w.Resize(fyne.NewSize(400, 300))
			l := newListener(t, i18n.English)
			heard := map[fyne.CanvasObject]a11yElement{}
			for _, el := range a11yElements(w.Canvas().Content()) {
				heard[el.obj] = el
			}
			got := strings.Join(l.unheard(w.Canvas().Content(), heard), "\n")
			if !strings.Contains(got, tc.want) {
				t.Errorf("the listener said %q, want %q", got, tc.want)
			}
		})
	}
}

func blankIcon() fyne.Resource {
	return fyne.NewStaticResource("x.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>`))
}

// hidingRow is a check row whose label leaves out what its line shows.
func hidingRow() fyne.CanvasObject {
	r := newCheckRow("Computer clock")
	r.done(checks.Fail, "The clock is 95 s ahead")
	r.summary = ""
	return container.NewVBox(r)
}
