package playbook

import "slices"

// Text is a string in both languages the app speaks.
type Text struct {
	JA string `toml:"ja" json:"ja"`
	EN string `toml:"en" json:"en"`
}

// In returns the text in lang ("ja" or "en"); any other language gets English.
func (t Text) In(lang string) string {
	if lang == "ja" {
		return t.JA
	}
	return t.EN
}

// Phrases are extra words of an error message, per language, that the paste matcher knows;
// the same shape holds a symptom's labels.
type Phrases struct {
	JA []string `toml:"ja"`
	EN []string `toml:"en"`
}

// Symptom is what the person sees when sign-in fails.
type Symptom struct {
	ID    string `toml:"-"`
	Title Text   `toml:"title"`
	// Error is the message as the service shows it, for the home screen and the matcher.
	Error   Text    `toml:"error"`
	Phrases Phrases `toml:"phrases"`
	// Labels are buttons and links the service shows ("Sign in with Google"): they name the
	// symptom only when pasted alone, never beside a message.
	Labels Phrases `toml:"labels"`
	About  Text    `toml:"about"` // optional background, one paragraph
	Causes []Text  `toml:"causes"`
	// Remedies are shown, in order, when the checks detected nothing.
	Remedies []string `toml:"remedies"`
	// Question asks which situation the person is in when the remedies depend on it.
	Question   Text        `toml:"question"`
	Situations []Situation `toml:"situations"`

	phrases []phrase // normalised error texts and phrases, for Match
	labels  []phrase // normalised labels, for Match
}

// Situation is an answer to a symptom's question, with the remedies that fit it.
type Situation struct {
	ID       string   `toml:"id"`
	Label    Text     `toml:"label"`
	Remedies []string `toml:"remedies"`
}

// Remedy is one way out, as ordered steps.
type Remedy struct {
	ID    string `toml:"-"`
	Title Text   `toml:"title"`
	Intro Text   `toml:"intro"` // optional: why this helps
	Steps []Step `toml:"steps"`
}

// Step is one thing the person does. Its text may hold {placeholders} filled from what the
// checks measured (FORMAT.md lists them).
type Step struct {
	Text
	// Platform limits the step to one system: windows, darwin, linux (this computer) or
	// ios, android (the phone). Empty: every system.
	Platform string `toml:"platform"`
	// Helpdesk marks a step that sends the person to their administrator: the UI shows the
	// helpdesk's name and contact from the configuration beside it.
	Helpdesk bool     `toml:"helpdesk"`
	Actions  []Action `toml:"actions"`
}

// Action kinds: the buttons a step may carry.
const (
	ActionOpenDateTimeSettings = "open-datetime-settings" // the OS's date and time settings
	ActionOpenURL              = "open-url"               // URL in the default browser
	ActionOpenInBrowser        = "open-in-browser"        // URL in a browser the service supports
	ActionCopyText             = "copy-text"              // Text to the clipboard
	ActionContactHelpdesk      = "contact-helpdesk"       // the configured helpdesk
	ActionOpenTOTPCheck        = "open-totp-check"        // the app's own TOTP screen
)

// ActionKinds lists every action kind.
func ActionKinds() []string {
	return []string{ActionOpenDateTimeSettings, ActionOpenURL, ActionOpenInBrowser,
		ActionCopyText, ActionContactHelpdesk, ActionOpenTOTPCheck}
}

// Action is a button on a step.
type Action struct {
	Kind string `toml:"kind"`
	URL  string `toml:"url"`  // open-url, open-in-browser
	Text string `toml:"text"` // copy-text: what is copied; may hold {placeholders}
	// Label overrides the kind's default label from the [action] table.
	Label Text `toml:"label"`
}

// Platforms: the systems a step can be limited to.
const (
	Windows = "windows"
	Darwin  = "darwin"
	Linux   = "linux"
	IOS     = "ios"
	Android = "android"
)

// computerPlatforms are runtime.GOOS values: a step for one of them is shown only on it.
var computerPlatforms = []string{Windows, Darwin, Linux}

// phonePlatforms are shown on every computer, each labelled, since the phone is not this
// computer.
var phonePlatforms = []string{IOS, Android}

// knownPlatform reports whether p is a platform a step can be limited to.
func knownPlatform(p string) bool {
	return slices.Contains(computerPlatforms, p) || slices.Contains(phonePlatforms, p)
}

// FindingRule says what a finding of the checks means to the person and what they do.
type FindingRule struct {
	ID       string   `toml:"-"`
	Remedies []string `toml:"remedies"`
	// Message tells what was found, filled with the finding's Params: {interface}, {address}…
	Message Text `toml:"message"`
	// Values translates a param's machine value into words: values.direction.behind.
	Values map[string]map[string]Text `toml:"values"`
}

// CheckText is what the live check list says about a check.
type CheckText struct {
	ID      string `toml:"-"`
	Title   Text   `toml:"title"`
	OK      Text   `toml:"ok"`
	Warn    Text   `toml:"warn"`
	Fail    Text   `toml:"fail"`
	Unknown Text   `toml:"unknown"`
	Skipped Text   `toml:"skipped"`
}
