package totp

import (
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/pquerna/otp"
	pqtotp "github.com/pquerna/otp/totp"
)

// Calibration is a throwaway TOTP key that checks the phone's clock without the person's
// secret: made fresh in memory with what every authenticator app supports (SHA1, 6 digits,
// 30 s), shown as a QR code the person scans into the app they sign in with, and dropped with
// the screen or the command that made it. The codes the app then shows, typed back with Add,
// place the phone's clock against this computer's (Placement); DecideCalibration gives the
// verdict.
//
// The key is the app's own, not the person's: the command line may print its otpauth:// URI on
// standard error. Like a Secret it prints itself redacted under every fmt verb and in slog, and
// it has no JSON form; it is never written to a file, a log, a report or the clipboard.
type Calibration struct {
	// Secret makes the codes the phone shows for the calibration entry.
	Secret   Secret
	uri      func() string
	readings []reading
}

// reading is one code the person typed, and when this computer's clock says it was typed.
type reading struct {
	code string
	at   time.Time
}

// maxReadings bounds what a calibration remembers: the last codes are the ones that count.
const maxReadings = 8

// ErrRepeatedCode is Add's answer to the code typed just before: a second code tells more only
// once the app shows a new one.
var ErrRepeatedCode = errors.New("this is the code typed just before: wait until the app shows a new code, then type that one")

// NewCalibration makes a fresh random calibration key whose entry the authenticator app names
// after issuer and account: the words the person finds in the app, to delete the entry after.
func NewCalibration(issuer, account string) (*Calibration, error) {
	key, err := pqtotp.Generate(pqtotp.GenerateOpts{
		Issuer: issuer, AccountName: account,
		Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1, SecretSize: 20,
	})
	if err != nil {
		return nil, fmt.Errorf("making the calibration key: %w", err)
	}
	uri := key.URL()
	s, err := ParseURI(uri)
	if err != nil {
		return nil, fmt.Errorf("reading back the calibration key: %w", err)
	}
	return &Calibration{Secret: s, uri: hold(uri)}, nil
}

// URI is the calibration key's otpauth://totp/ URI, what its QR code holds. It holds the key.
func (c *Calibration) URI() string { return c.uri() }

// SetupKey is the key in groups of four letters, for an app whose camera cannot scan the code:
// every authenticator app can also take a key typed by hand.
func (c *Calibration) SetupKey() string {
	b32 := c.Secret.key()
	var groups []string
	for len(b32) > 4 {
		groups = append(groups, b32[:4])
		b32 = b32[4:]
	}
	return strings.Join(append(groups, b32), " ")
}

// Add takes a code the app showed for the calibration entry, typed at this computer's time at.
// The code may have spaces, as apps show it ("123 456"). Its errors say what is wrong with the
// code, never the key.
func (c *Calibration) Add(code string, at time.Time) error {
	clean, err := cleanCode(code, c.Secret.Digits)
	if err != nil {
		return err
	}
	if n := len(c.readings); n > 0 && c.readings[n-1].code == clean {
		return ErrRepeatedCode
	}
	c.readings = append(c.readings, reading{clean, at})
	if len(c.readings) > maxReadings {
		c.readings = c.readings[len(c.readings)-maxReadings:]
	}
	return nil
}

// Typed is how many codes were taken.
func (c *Calibration) Typed() int { return len(c.readings) }

// Reset forgets the codes typed, keeping the key: the person starts again with the same entry.
func (c *Calibration) Reset() { c.readings = nil }

// The printing methods take a value, so that a Calibration prints redacted by value and by
// pointer alike.

const calibrationRedacted = "totp.Calibration{SHA1, 6 digits, 30s, " + redacted + "}"

// String describes the calibration without its key.
func (Calibration) String() string { return calibrationRedacted }

// GoString keeps %#v from printing the key.
func (Calibration) GoString() string { return calibrationRedacted }

// Format keeps every other verb from printing the key.
func (Calibration) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(calibrationRedacted)) }

// LogValue keeps structured logs from printing the key.
func (Calibration) LogValue() slog.Value { return slog.StringValue(calibrationRedacted) }
