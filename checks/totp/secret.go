package totp

import (
	"encoding/base32"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/hotp"
)

// Algorithms a Secret may use (RFC 6238).
const (
	SHA1   = "SHA1"
	SHA256 = "SHA256"
	SHA512 = "SHA512"
)

// minSecretBytes is the shortest key accepted: 80 bits, the least any authenticator issues
// (RFC 4226 asks for 128); anything shorter is a typing slip, not a key.
const minSecretBytes = 10

// Secret is a TOTP key and the parameters its codes are made with. The zero value is not a
// key; make one with Parse, ParseBase32, ParseURI, ReadQR or DecodeQR.
type Secret struct {
	// key returns the key in canonical base32, the form the otp package takes. It is a
	// closure because fmt and reflection cannot see into one: printing a struct that holds a
	// Secret in an unexported field (where fmt cannot call String) shows an address.
	key       func() string
	Algorithm string        // SHA1, SHA256 or SHA512
	Digits    int           // 6 or 8
	Period    time.Duration // the time step; 30 s unless the URI says otherwise
	Issuer    string        // from a URI's label or issuer parameter; may be empty
	Account   string        // from a URI's label; may be empty
}

const redacted = "[secret redacted]"

// String describes the Secret without its key.
func (s Secret) String() string {
	return fmt.Sprintf("totp.Secret{%s, %d digits, %v, %s}", s.Algorithm, s.Digits, s.Period, redacted)
}

// GoString keeps %#v from printing the key.
func (s Secret) GoString() string { return s.String() }

// Format keeps every other verb (%x, %q, %+v …) from printing the key.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue keeps structured logs from printing the key.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Valid reports whether s holds a key.
func (s Secret) Valid() bool { return s.key != nil }

// Code returns the code s makes at t, as the phone would show it.
func (s Secret) Code(t time.Time) (string, error) {
	if !s.Valid() || s.Period < time.Second {
		return "", errors.New("no secret was given")
	}
	return s.codeAt(s.step(t))
}

// step is the time step t falls in.
func (s Secret) step(t time.Time) int64 {
	return t.Unix() / int64(s.Period/time.Second)
}

// codeAt returns the code of time step n.
func (s Secret) codeAt(n int64) (string, error) {
	if !s.Valid() {
		return "", errors.New("no secret was given")
	}
	alg := map[string]otp.Algorithm{SHA1: otp.AlgorithmSHA1, SHA256: otp.AlgorithmSHA256, SHA512: otp.AlgorithmSHA512}[s.Algorithm]
	code, err := hotp.GenerateCodeCustom(s.key(), uint64(n), hotp.ValidateOpts{Digits: otp.Digits(s.Digits), Algorithm: alg})
	if err != nil {
		// The otp package's errors name no secret, but say only what we know is true.
		return "", errors.New("the secret is not valid base32")
	}
	return code, nil
}

// Parse reads a secret as a person pastes it: an otpauth:// URI, or base32 text.
func Parse(input string) (Secret, error) {
	trimmed := strings.TrimSpace(input)
	if len(trimmed) >= len("otpauth:") && strings.EqualFold(trimmed[:len("otpauth:")], "otpauth:") {
		return ParseURI(trimmed)
	}
	return ParseBase32(trimmed)
}

// ParseBase32 reads base32 text in any case, with spaces, tabs, line breaks or dashes between
// groups, with or without "=" padding. The result uses SHA1, 6 digits and 30 s, as
// authenticators do for a key typed by hand.
func ParseBase32(text string) (Secret, error) {
	b32, err := canonicalBase32(text)
	if err != nil {
		return Secret{}, err
	}
	return Secret{key: hold(b32), Algorithm: SHA1, Digits: 6, Period: 30 * time.Second}, nil
}

// hold keeps b32 where only the returned function reaches it.
func hold(b32 string) func() string {
	return func() string { return b32 }
}

// canonicalBase32 returns text as upper-case base32 without separators or padding, checked to
// decode to a key of at least minSecretBytes. Errors name positions, never characters.
func canonicalBase32(text string) (string, error) {
	var b strings.Builder
	pos := 0
	for _, r := range text {
		pos++
		letter, keep, ok := base32Rune(r)
		if !ok {
			return "", fmt.Errorf("character %d of the secret is not a base32 letter: a secret uses only A–Z and 2–7 (0, 1, 8 and 9 never occur; O, I and B may be meant)", pos)
		}
		if keep {
			b.WriteRune(letter)
		}
	}
	s := b.String()
	if err := checkBase32Key(s); err != nil {
		return "", err
	}
	return s, nil
}

// base32Rune reads one character of a typed secret: separators and padding are dropped
// (keep false), lower case is raised; ok is false for a character base32 never has.
func base32Rune(r rune) (letter rune, keep, ok bool) {
	switch {
	case strings.ContainsRune(" -\t\n\r=", r):
		return 0, false, true
	case r >= 'a' && r <= 'z':
		return r - ('a' - 'A'), true, true
	case r >= 'A' && r <= 'Z', r >= '2' && r <= '7':
		return r, true, true
	}
	return 0, false, false
}

// checkBase32Key checks that s, canonical base32 letters, decodes to a key long enough to be
// a TOTP secret. Errors say what is wrong with its length, never its letters.
func checkBase32Key(s string) error {
	if s == "" {
		return errors.New("the secret is empty")
	}
	// 1, 3 and 6 leftover characters are no whole number of bytes: a character is missing
	// or extra.
	if n := len(s) % 8; n == 1 || n == 3 || n == 6 {
		return fmt.Errorf("the secret has %d base32 letters, a length no base32 text has: a letter is missing or extra", len(s))
	}
	key, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(s)
	if err != nil {
		return fmt.Errorf("the secret has %d base32 letters whose last one cannot end base32 text: a letter is missing, extra or mistyped", len(s))
	}
	if len(key) < minSecretBytes {
		return fmt.Errorf("the secret is too short (%d base32 letters; a secret has at least 16, usually 16 or 32)", len(s))
	}
	return nil
}
