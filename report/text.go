package report

import (
	"fmt"
	"strings"

	"github.com/signin-doctor/signin-doctor/assets/playbook"
)

// reportHeadings are the plain-text report's own words, which are the report's layout rather
// than content IT would change.
var reportHeadings = map[string]playbook.Text{
	"title":    {JA: "サインイン診断 レポート", EN: "Sign-in Doctor report"},
	"symptom":  {JA: "症状", EN: "Symptom"},
	"unsure":   {JA: "(わからない: すべて確認)", EN: "(not sure: checked everything)"},
	"started":  {JA: "実行日時", EN: "Run at"},
	"took":     {JA: "所要時間", EN: "Took"},
	"app":      {JA: "アプリのバージョン", EN: "App version"},
	"system":   {JA: "OS", EN: "Operating system"},
	"checks":   {JA: "確認した項目", EN: "Checks"},
	"findings": {JA: "見つかったこと", EN: "What was found"},
	"nothing":  {JA: "問題は見つかりませんでした。", EN: "Nothing was found."},
	"remedies": {JA: "対処", EN: "Remedies"},
	"legend":   {JA: "✓ 問題なし  ! 注意  ✗ 問題あり  ? 確認できず  - 対象外", EN: "✓ ok  ! warning  ✗ problem  ? could not tell  - skipped"},
	"redacted": {JA: "このレポートには、パスワード・認証コード・シークレットは含まれません。", EN: "This report holds no password, code or secret."},
	"todo":     {JA: "次の手順をお試しください:", EN: "What to do:"},
}

func heading(key, lang string) string { return reportHeadings[key].In(lang) }

// checkWords returns a check's title and its line about this run in lang; a check the advice
// has no words for (an IT playbook's gap) is named by its id and summary.
func (d Document) checkWords(c DocCheck, lang string) (title, line string) {
	if w, ok := d.words.Checks[c.ID]; ok {
		return w.Title.In(lang), w.Line.In(lang)
	}
	return c.ID, c.Summary
}

// Text is the plain-text report a person shares with their helpdesk: the symptom, each
// check with its mark (✓ ! ✗ ? -), what was found, the remedies, and the basics of this
// computer, in lang. Like the document, it holds no secret: what came from the checks was
// redacted when the document was made.
func (d Document) Text(lang string) string {
	var b strings.Builder
	line := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	line("%s", heading("title", lang))
	if d.Symptom == "" {
		line("%s: %s", heading("symptom", lang), heading("unsure", lang))
	} else {
		line("%s: %s (%s)", heading("symptom", lang), d.words.Symptom.In(lang), d.Symptom)
	}
	line("%s: %s  %s: %.1f s", heading("started", lang), d.StartedAt, heading("took", lang), d.duration.Seconds())
	line("%s: %s  %s: %s (%s)", heading("app", lang), d.Version, heading("system", lang), d.words.System.In(lang), d.platform)
	line("")
	line("%s  [%s]", heading("checks", lang), heading("legend", lang))
	for _, c := range d.Checks {
		title, say := d.checkWords(c, lang)
		line(" %s %s: %s", c.Status.Mark(), title, say)
		if c.Summary != "" && c.Summary != say {
			line("     %s", c.Summary)
		}
	}
	line("")
	line("%s", heading("findings", lang))
	if len(d.Findings) == 0 {
		line(" %s", heading("nothing", lang))
	}
	for i, f := range d.Findings {
		line(" %s %s  [%s]", f.Severity.Mark(), d.words.Findings[i].In(lang), f.ID)
	}
	line("")
	line("%s", heading("remedies", lang))
	for i, r := range d.Remedies {
		line(" %d. %s  [%s]", i+1, d.words.Remedies[i].In(lang), r.ID)
	}
	line("")
	line("%s", heading("redacted", lang))
	return b.String()
}
