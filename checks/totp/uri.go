package totp

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/pquerna/otp"
)

// maxPeriod bounds a URI's period: a step longer than a day is a typing slip.
const maxPeriod = 24 * time.Hour

// ParseURI reads an otpauth://totp/ URI (the text a QR code holds): its secret, algorithm
// (SHA1, SHA256 or SHA512), digits (6 or 8) and period (any whole number of seconds).
// Errors name the parameter that is wrong and never repeat the URI, which holds the secret.
func ParseURI(uri string) (Secret, error) {
	u, err := url.Parse(strings.TrimSpace(uri))
	if err != nil {
		// url's error quotes the whole URI, secret included: say what is wrong in our words.
		return Secret{}, errors.New("the otpauth:// URI is malformed: it is not a valid URL (a character may be missing or extra)")
	}
	if !strings.EqualFold(u.Scheme, "otpauth") {
		return Secret{}, errors.New("the URI does not start with otpauth://")
	}
	switch strings.ToLower(u.Host) {
	case "totp":
	case "hotp":
		return Secret{}, errors.New("the URI is for counter-based codes (otpauth://hotp/): only time-based codes (otpauth://totp/) depend on the clock")
	default:
		return Secret{}, errors.New("the URI is not for time-based codes: it must start with otpauth://totp/")
	}
	key, err := otp.NewKeyFromURL(u.String())
	if err != nil {
		return Secret{}, errors.New("the otpauth:// URI is malformed")
	}
	q := u.Query()
	if q.Get("secret") == "" {
		return Secret{}, errors.New("the URI has no secret= parameter")
	}
	b32, err := canonicalBase32(key.Secret())
	if err != nil {
		return Secret{}, fmt.Errorf("in the URI's secret= parameter, %w", err)
	}
	s := Secret{key: hold(b32), Issuer: key.Issuer(), Account: key.AccountName()}
	if s.Algorithm, err = uriAlgorithm(q.Get("algorithm")); err != nil {
		return Secret{}, err
	}
	if s.Digits, err = uriDigits(q.Get("digits")); err != nil {
		return Secret{}, err
	}
	if s.Period, err = uriPeriod(q.Get("period")); err != nil {
		return Secret{}, err
	}
	return s, nil
}

// uriAlgorithm checks the algorithm= parameter; the otp package would take anything unknown
// for SHA1 and so make wrong codes without a word.
func uriAlgorithm(v string) (string, error) {
	switch strings.ToUpper(strings.ReplaceAll(v, "-", "")) {
	case "", SHA1:
		return SHA1, nil
	case SHA256:
		return SHA256, nil
	case SHA512:
		return SHA512, nil
	}
	return "", fmt.Errorf("the URI's algorithm=%s is not one of SHA1, SHA256 or SHA512", printable(v))
}

// uriDigits checks the digits= parameter.
func uriDigits(v string) (int, error) {
	if v == "" {
		return 6, nil
	}
	if d, err := strconv.Atoi(v); err == nil && (d == 6 || d == 8) {
		return d, nil
	}
	return 0, fmt.Errorf("the URI's digits=%s is not 6 or 8", printable(v))
}

// uriPeriod checks the period= parameter: whole seconds, more than zero.
func uriPeriod(v string) (time.Duration, error) {
	if v == "" {
		return 30 * time.Second, nil
	}
	p, err := strconv.Atoi(v)
	if err != nil || p <= 0 || time.Duration(p)*time.Second > maxPeriod {
		return 0, fmt.Errorf("the URI's period=%s is not a number of seconds between 1 and %d", printable(v), int(maxPeriod/time.Second))
	}
	return time.Duration(p) * time.Second, nil
}

// printable quotes a parameter value for an error, cut short: it is not the secret, but a
// message is no place for a pasted essay.
func printable(v string) string {
	if len(v) > 10 {
		v = v[:10] + "…"
	}
	return strconv.Quote(v)
}
