package playbook

import (
	"fmt"
	"slices"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/netcheck"
)

// RemedyView is a remedy ready to show: its texts in the advice's language and its steps for
// this computer.
type RemedyView struct {
	ID       string
	Title    string
	Intro    string
	Steps    []StepView
	Helpdesk bool // a step sends the person to their administrator
	title    Text // Title in both languages, for the report
}

// StepView is one step ready to show.
type StepView struct {
	Text          string
	Platform      string // "" for every system, else windows, darwin, linux, ios, android
	PlatformLabel string // "iPhone (iOS)": shown before a phone's steps, or every computer's
	Helpdesk      bool   // show the helpdesk's name and contact beside this step
	Actions       []ActionView
}

// ActionView is a button ready to show.
type ActionView struct {
	Kind  string // one of the Action… kinds
	Label string
	URL   string // open-url, open-in-browser
	Text  string // copy-text: what is copied, filled in
	// Ready is false when the button cannot do its job: text to copy that the checks could
	// not measure (the UI disables the button rather than copy a word for a missing value).
	Ready bool
}

// facts are the values a step, an action or a message may name: what the checks measured.
type facts map[string]string

// reportFacts gathers the facts of a report. FORMAT.md lists them.
func reportFacts(rep checks.Report) facts {
	f := facts{}
	if r, ok := rep.Result(checks.PublicIP); ok {
		d, _ := netcheck.PublicIPFrom(r)
		f.set("public_ipv4", d.IPv4)
		f.set("public_ipv6", d.IPv6)
		f.set("public_ip", d.IPv4)
		f.set("public_ip", d.IPv6)
	}
	if r, ok := rep.Result(checks.VPN); ok {
		d, _ := netcheck.VPNFrom(r)
		f.set("vpn_interface", d.DefaultRouteInterface)
	}
	if r, ok := rep.Result(checks.Clock); ok {
		d, _ := clock.From(r)
		f.set("clock_server", d.Server)
	}
	for _, fd := range rep.Findings() {
		for _, k := range sortedKeys(fd.Params) {
			f.set(k, fd.Params[k])
		}
	}
	return f
}

// set records a scalar value under key unless the key has one already.
func (f facts) set(key string, v any) {
	if _, ok := f[key]; ok {
		return
	}
	switch v := v.(type) {
	case string:
		if v != "" {
			f[key] = v
		}
	case bool, int, int64, float64, uint16:
		f[key] = fmt.Sprint(v)
	}
}

// addDetails records a result's scalar details.
func (f facts) addDetails(prefix string, d map[string]any) {
	for _, k := range sortedKeys(d) {
		f.set(prefix+k, d[k])
	}
}

// lookup fills a template: a finding's params first (a machine value translated through
// values where the playbook has words for it), then the facts.
func (f facts) lookup(params map[string]string, values map[string]map[string]Text, lang string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		if v, ok := params[name]; ok && v != "" {
			if t, ok := values[name][v]; ok {
				return t.In(lang), true
			}
			return v, true
		}
		v, ok := f[name]
		return v, ok
	}
}

// renderer makes remedy views for one advice.
type renderer struct {
	p        *Playbook
	lang     string
	platform string
	facts    facts
}

func (r renderer) remedies(ids []string) []RemedyView {
	var out []RemedyView
	for _, id := range ids {
		rem, ok := r.p.remedies[id]
		if !ok {
			continue
		}
		v := RemedyView{ID: id, Title: rem.Title.In(r.lang), title: rem.Title,
			Intro: render(rem.Intro.In(r.lang), r.facts.lookup(nil, nil, r.lang), Missing.In(r.lang))}
		for _, st := range rem.Steps {
			if !showStep(st.Platform, r.platform) {
				continue
			}
			v.Steps = append(v.Steps, r.step(st))
			v.Helpdesk = v.Helpdesk || st.Helpdesk
		}
		out = append(out, v)
	}
	return out
}

// showStep keeps a step for this computer's system, every phone step, and, on a system the
// playbook has no steps for, every computer's steps (each labelled).
func showStep(step, platform string) bool {
	if step == "" || slices.Contains(phonePlatforms, step) || !slices.Contains(computerPlatforms, platform) {
		return true
	}
	return step == platform
}

func (r renderer) step(st Step) StepView {
	fill := r.facts.lookup(nil, nil, r.lang)
	v := StepView{Text: render(st.In(r.lang), fill, Missing.In(r.lang)), Platform: st.Platform, Helpdesk: st.Helpdesk}
	if st.Platform != "" {
		v.PlatformLabel = r.p.PlatformLabel(st.Platform, r.lang)
	}
	for _, a := range st.Actions {
		av := ActionView{Kind: a.Kind, Label: a.Label.In(r.lang), URL: render(a.URL, fill, ""), Ready: true}
		if av.Label == "" {
			av.Label = r.p.ActionLabel(a.Kind, r.lang)
		}
		if a.Kind == ActionCopyText {
			av.Text = render(a.Text, fill, "")
			for _, name := range placeholders(a.Text) {
				if r.facts[name] == "" {
					av.Ready = false
				}
			}
		}
		v.Actions = append(v.Actions, av)
	}
	return v
}
