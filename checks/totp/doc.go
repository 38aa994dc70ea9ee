// Package totp is the offline one-time-code step finder that `signin-doctor totp` and the GUI
// share: given the person's TOTP secret and the code their phone shows, it finds which time
// step around this computer's clock made that code, so it tells how far the phone's clock is
// from this computer's; with the clock check's offset it tells how far the phone is from true
// time, and which of the two clocks is wrong.
//
// Decide is the one verdict on a code (its status and culprit), judging this computer's clock
// by the configured thresholds through clock.Thresholds, the clock check's own rule. The window
// and the CLI only put a Verdict into words; totptest holds the table all three are tested on.
//
// The secret is read with Parse (base32 in any case, with spaces, dashes or without padding, or
// an otpauth://totp/ URI), ReadQR or DecodeQR (a QR code image). A Secret keeps the key in a
// closure and prints itself redacted under every fmt verb, in slog, and when a struct that
// holds one is printed; it has no JSON form. Parse errors say what is wrong without the
// secret. Nothing in this package writes the secret anywhere: it lives in memory only.
package totp
