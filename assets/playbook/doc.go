// Package playbook is Sign-in Doctor's content and the pure logic under it: for each symptom
// the person can see (checks.SymptomIDs), the exact error text, its causes and the article's
// remedies as ordered steps in Japanese and English; which remedy each finding of the checks
// leads to, with the message that tells the person what was found; and the one-line texts the
// live check list shows.
//
// The content is a TOML file (FORMAT.md describes it). The default one is embedded and
// returned by Default; IT may ship its own, read by Load, and a bad file is an error naming
// the file, the line and the key. Everything here is pure Go without Fyne: the GUI and the CLI
// both ask Advise what to say and Match which symptom a pasted message is; the report they show,
// print or save is rendered by the report package from the checks' report and the advice
// (Advice.Words gives it the advice's texts in both languages).
package playbook
