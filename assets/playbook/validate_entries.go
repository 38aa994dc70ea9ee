package playbook

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/signin-doctor/signin-doctor/checks"
)

func (v *validator) remedies() {
	for _, id := range sortedKeys(v.f.Remedies) {
		r, key := v.f.Remedies[id], "remedy."+id
		if !validID(id) {
			v.bad(v.keyAt(key), key, "a remedy id is lower-case letters, digits and dashes")
		}
		v.text(v.keyAt(key+".title"), key+".title", r.Title, true, false)
		v.text(v.keyAt(key+".intro"), key+".intro", r.Intro, false, true)
		if len(r.Steps) == 0 {
			v.bad(v.keyAt(key), key+".steps", "needs at least one step")
		}
		for i, st := range r.Steps {
			v.step(v.elemAt(key+".steps", i), fmt.Sprintf("%s.steps[%d]", key, i), st)
		}
		v.platformsCovered(key, r)
	}
}

func (v *validator) step(at where, key string, st Step) {
	v.text(at, key, st.Text, true, true)
	if st.Platform != "" && !knownPlatform(st.Platform) {
		v.bad(v.fieldAt(at, "platform"), key+".platform", "%q is not a platform; use %s, %s (phones) or leave it out",
			st.Platform, strings.Join(computerPlatforms, ", "), strings.Join(phonePlatforms, ", "))
	}
	line := v.fieldAt(at, "actions")
	for i, a := range st.Actions {
		v.action(line, fmt.Sprintf("%s.actions[%d]", key, i), a)
		if a.Kind == ActionOpenDateTimeSettings && slices.Contains(phonePlatforms, st.Platform) {
			// The button opens this computer's settings: beside a phone's step it would
			// send the person to the wrong clock. Say the computer's part in its own step.
			v.bad(line, fmt.Sprintf("%s.actions[%d].kind", key, i), "a %s step cannot open this computer's date and time settings; give the computer its own step", st.Platform)
		}
	}
}

func (v *validator) action(line where, key string, a Action) {
	v.text(line, key+".label", a.Label, false, false)
	switch a.Kind {
	case ActionOpenURL, ActionOpenInBrowser:
		v.actionURL(line, key, a)
	case ActionCopyText:
		if strings.TrimSpace(a.Text) == "" {
			v.bad(line, key+".text", "copy-text needs the text to copy, like \"{public_ip}\"")
		}
		v.template(line, key+".text", a.Text)
	case ActionOpenDateTimeSettings, ActionContactHelpdesk, ActionOpenTOTPCheck:
	default:
		v.bad(line, key+".kind", "%q is not an action; the actions are %s", a.Kind, strings.Join(ActionKinds(), ", "))
		return
	}
	if a.URL != "" && a.Kind != ActionOpenURL && a.Kind != ActionOpenInBrowser {
		v.bad(line, key+".url", "%s takes no url", a.Kind)
	}
	if a.Text != "" && a.Kind != ActionCopyText {
		v.bad(line, key+".text", "%s takes no text", a.Kind)
	}
}

// platformsCovered rejects a remedy that has steps for some computers or phones but not all:
// on the system left out, the person would find the remedy missing its steps.
func (v *validator) platformsCovered(key string, r *Remedy) {
	for _, st := range r.Steps {
		if st.Platform != "" && !knownPlatform(st.Platform) {
			return // the unknown platform is the error to fix first
		}
	}
	for _, group := range [][]string{computerPlatforms, phonePlatforms} {
		var have []string
		for _, st := range r.Steps {
			if slices.Contains(group, st.Platform) && !slices.Contains(have, st.Platform) {
				have = append(have, st.Platform)
			}
		}
		if len(have) == 0 {
			continue
		}
		for _, p := range group {
			if !slices.Contains(have, p) {
				v.bad(v.keyAt(key), key+".steps", "has steps for %s but none for %s: give every one of %s its steps",
					strings.Join(have, ", "), p, strings.Join(group, ", "))
			}
		}
	}
}

func (v *validator) findings() {
	v.ids("finding", sortedKeys(v.f.Findings), checks.FindingIDs(), "finding")
	for _, id := range sortedKeys(v.f.Findings) {
		r, key := v.f.Findings[id], "finding."+id
		v.refs(v.keyAt(key+".remedies"), key+".remedies", r.Remedies)
		v.text(v.keyAt(key+".message"), key+".message", r.Message, true, true)
		for _, param := range sortedKeys(r.Values) {
			pkey := key + ".values." + param
			if !validName(param) {
				v.bad(v.keyAt(pkey), pkey, "a param name is lower-case letters, digits and _")
			}
			for _, value := range sortedKeys(r.Values[param]) {
				v.text(v.keyAt(pkey+"."+value), pkey+"."+value, r.Values[param][value], true, false)
			}
		}
	}
}

func (v *validator) checks() {
	v.ids("check", sortedKeys(v.f.Checks), checks.CheckIDs(), "check")
	for _, id := range sortedKeys(v.f.Checks) {
		c, key := v.f.Checks[id], "check."+id
		v.text(v.keyAt(key+".title"), key+".title", c.Title, true, false)
		for _, s := range []struct {
			status string
			t      Text
		}{{"ok", c.OK}, {"warn", c.Warn}, {"fail", c.Fail}, {"unknown", c.Unknown}, {"skipped", c.Skipped}} {
			v.text(v.keyAt(key+"."+s.status), key+"."+s.status, s.t, true, true)
		}
	}
}

// actionURL checks a link's URL: a template that may name the data centre's hosts
// ({accounts}) and nothing else a run may lack, and an http(s) URL once they are in.
func (v *validator) actionURL(line where, key string, a Action) {
	v.template(line, key+".url", a.URL)
	for _, name := range placeholders(a.URL) {
		if !slices.Contains(servicePlaceholders, name) {
			v.bad(line, key+".url", "{%s} cannot be in a URL: only %s can", name, strings.Join(servicePlaceholders, ", "))
		}
	}
	filled := render(a.URL, func(name string) (string, bool) { v, ok := DefaultService.values()[name]; return v, ok }, "x")
	u, err := url.Parse(filled)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		v.bad(line, key+".url", "%s needs an http(s) URL like https://{accounts}/signin or https://help.zoho.com; got %q", a.Kind, a.URL)
	}
}
