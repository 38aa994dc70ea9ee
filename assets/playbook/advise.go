package playbook

import (
	"slices"

	"github.com/signin-doctor/signin-doctor/checks"
)

// Advice is what the wizard and the CLI tell the person about one run of the checks: first
// what was found, then the remedies to follow in order, with every text already in Lang and
// every step already chosen for Platform.
type Advice struct {
	Symptom  string // the symptom id advised on; "other" when none was given
	Lang     string // "ja" or "en"
	Platform string // runtime.GOOS of this computer
	// Findings are the conditions the checks detected, in plain words, in the order of the
	// report's checks, which is the order of cause and effect (a VPN, then the address it
	// gives you, then that address not being allowed).
	Findings []FindingView
	// Unknown lists the checks that could not tell (offline, timed out): not failures, and
	// the UI says so calmly.
	Unknown []UnknownView
	// Remedies are the remedies to follow, in order: those the findings lead to or, when
	// nothing was detected (or no finding leads to a remedy), the symptom's own.
	Remedies []RemedyView
	// More are the symptom's remedies not already in Remedies, for "if that did not help".
	More []RemedyView
	// Question, when set, asks which situation the person is in (an organisation's account
	// or a personal one); each choice carries its own remedies. See Choose.
	Question *Question
	// Situation is the choice Choose applied; empty before.
	Situation string
	words     reportWords // the same things in both languages, for the shared report
}

// reportWords are the texts a shared report needs in both languages (see Words).
type reportWords struct {
	symptom Text
	system  Text
	checks  map[string]checkWords
}

type checkWords struct {
	title, line Text
}

// Detected reports whether the checks found any condition.
func (a Advice) Detected() bool { return len(a.Findings) > 0 }

// HasUnknown reports whether a check could not tell. "Could not check" is not "failed": the UI
// words it calmly and separately.
func (a Advice) HasUnknown() bool { return len(a.Unknown) > 0 }

// Choose returns the advice for the person's answer to Question: its remedies in place of the
// general ones. An id that is not a choice leaves the advice as it is.
func (a Advice) Choose(situation string) Advice {
	if a.Question == nil {
		return a
	}
	for _, c := range a.Question.Choices {
		if c.ID == situation {
			a.Remedies, a.More, a.Situation = c.Remedies, c.More, c.ID
			return a
		}
	}
	return a
}

// FindingView is a detected condition in plain words.
type FindingView struct {
	ID       string        // finding id: "vpn-active"
	Check    string        // the check that found it: "vpn"
	Severity checks.Status // checks.Warn or checks.Fail
	Message  string        // "The VPN on tun0 carries your traffic"
	Remedies []string      // the remedy ids it leads to, in order
	msg      Text          // Message in both languages, for the report
}

// UnknownView is a check that could not tell.
type UnknownView struct {
	Check  string // check id
	Title  string // the check's name in Lang
	Line   string // the playbook's calm one-liner for an unknown result
	Reason string // the engine's English summary, for IT ("offline", "no answer in 2s")
}

// Question asks the person which situation they are in.
type Question struct {
	Text    string
	Choices []Choice
}

// Choice is one answer to a Question.
type Choice struct {
	ID       string // "organisation", "personal"
	Label    string
	Remedies []RemedyView
	More     []RemedyView
}

// Advise turns a report of the checks into advice for symptom ("" means the person was not
// sure: the "other" symptom), in lang, with the steps for platform (a runtime.GOOS value; a
// phone's steps are kept for both iOS and Android, each labelled).
func (p *Playbook) Advise(rep checks.Report, symptom, lang, platform string) Advice {
	sym, ok := p.symptoms[symptom]
	if !ok {
		sym = p.symptoms[checks.SymptomOther]
	}
	a := Advice{Symptom: sym.ID, Lang: lang, Platform: platform, words: p.reportWords(rep, sym, platform)}
	f := reportFacts(rep)
	for k, v := range p.currentService().values() {
		f.set(k, v)
	}
	var found []string // remedy ids the findings lead to, in order
	for _, fd := range rep.Findings() {
		v := p.findingView(fd, lang, f)
		a.Findings = append(a.Findings, v)
		found = appendNew(found, v.Remedies...)
	}
	for _, res := range rep.Results {
		if res.Status == checks.Unknown {
			a.Unknown = append(a.Unknown, UnknownView{Check: res.ID, Title: p.CheckTitle(res.ID, lang),
				Line: p.CheckLine(res, lang), Reason: res.Summary})
		}
	}
	r := renderer{p: p, lang: lang, platform: platform, facts: f}
	main, more := split(found, sym.Remedies, nil)
	a.Remedies, a.More = r.remedies(main), r.remedies(more)
	if len(sym.Situations) > 0 {
		a.Question = &Question{Text: sym.Question.In(lang)}
		for i, sit := range sym.Situations {
			main, more := split(found, sit.Remedies, othersOnly(sym.Situations, i))
			a.Question.Choices = append(a.Question.Choices, Choice{ID: sit.ID, Label: sit.Label.In(lang),
				Remedies: r.remedies(main), More: r.remedies(more)})
		}
	}
	return a
}

// split orders remedy ids: those of the findings, or the fallback ones when nothing was
// found; then the fallback ones not shown yet. Ids in excluded (remedies only another
// situation lists) are left out.
func split(found, fallback, excluded []string) (main, more []string) {
	keep := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if !slices.Contains(excluded, id) {
				out = appendNew(out, id)
			}
		}
		return out
	}
	if len(found) == 0 {
		return keep(fallback), nil
	}
	main = keep(found)
	for _, id := range keep(fallback) {
		if !slices.Contains(main, id) {
			more = append(more, id)
		}
	}
	return main, more
}

// othersOnly returns the remedies that situations other than the i-th list and the i-th
// does not: choosing the i-th rules them out.
func othersOnly(sits []Situation, i int) []string {
	var out []string
	for j, s := range sits {
		if j == i {
			continue
		}
		for _, id := range s.Remedies {
			if !slices.Contains(sits[i].Remedies, id) {
				out = appendNew(out, id)
			}
		}
	}
	return out
}

func appendNew(list []string, ids ...string) []string {
	for _, id := range ids {
		if !slices.Contains(list, id) {
			list = append(list, id)
		}
	}
	return list
}

// findingView words a finding. A finding id the playbook does not know (a check newer than
// its playbook) still shows, by its id, with no remedy.
func (p *Playbook) findingView(fd checks.Finding, lang string, f facts) FindingView {
	v := FindingView{ID: fd.ID, Check: fd.Check, Severity: fd.Severity}
	rule, ok := p.findings[fd.ID]
	if !ok {
		v.msg = Text{JA: fd.ID, EN: fd.ID}
	} else {
		v.Remedies = slices.Clone(rule.Remedies)
		for _, l := range []string{"ja", "en"} {
			s := render(rule.Message.In(l), f.lookup(fd.Params, rule.Values, l), Missing.In(l))
			if l == "ja" {
				v.msg.JA = s
			} else {
				v.msg.EN = s
			}
		}
	}
	v.Message = v.msg.In(lang)
	return v
}

// CheckLine returns the live list's one line for result in lang: the playbook's words for the
// check and status, filled with the result's details and its first finding's params. A check
// the playbook does not know keeps the engine's English summary.
func (p *Playbook) CheckLine(result checks.Result, lang string) string {
	c, ok := p.checks[result.ID]
	if !ok {
		return result.Summary
	}
	var t Text
	switch result.Status {
	case checks.OK:
		t = c.OK
	case checks.Warn:
		t = c.Warn
	case checks.Fail:
		t = c.Fail
	case checks.Skipped:
		t = c.Skipped
	default:
		t = c.Unknown
	}
	var params map[string]string
	if len(result.Findings) > 0 {
		params = result.Findings[0].Params
	}
	f := facts{}
	f.addDetails("", result.Details)
	return render(t.In(lang), f.lookup(params, nil, lang), Missing.In(lang))
}

func (p *Playbook) reportWords(rep checks.Report, sym *Symptom, platform string) reportWords {
	w := reportWords{symptom: sym.Title, system: Text{JA: platform, EN: platform},
		checks: make(map[string]checkWords, len(rep.Results))}
	if t, ok := p.platforms[platform]; ok {
		w.system = t
	}
	for _, res := range rep.Results {
		w.checks[res.ID] = checkWords{
			title: Text{JA: p.CheckTitle(res.ID, "ja"), EN: p.CheckTitle(res.ID, "en")},
			line:  Text{JA: p.CheckLine(res, "ja"), EN: p.CheckLine(res, "en")},
		}
	}
	return w
}
