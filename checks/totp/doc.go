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
//
// Without the person's secret, a Calibration checks the phone's clock: a throwaway key made in
// memory (SHA1, 6 digits, 30 s) and drawn as a QR code (QR) for the person to scan into the app
// they sign in with. The codes the app then shows (Add) place the phone as a range, steps and
// seconds (Placement: every step of the window that makes a code, each further code narrowing
// it), and DecideCalibration judges that range by Decide's own rule and says whether one more
// code is wanted (Confirmed). A Calibration prints itself redacted as a Secret does; only the
// command line shows its URI, on standard error.
package totp
