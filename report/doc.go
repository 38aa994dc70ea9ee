// Package report is the one renderer of a run's report: the Document made from the checks'
// report and the playbook's advice (New), redacted when it is made, and its three forms —
// the JSON of docs/DESIGN.md's schema v1 (WriteJSON, what scripts read), the terminal's
// doctor-style lines (Terminal, what `signin-doctor check` prints) and the plain-text report
// a person shares with their helpdesk (Text, what the window shows, copies, saves or mails).
// The window and the command line both print through it, so a secret redacted in one is
// redacted in all. The playbook keeps the content and the advice; the words of a report's
// own layout (its headings) are here.
package report
