package totp

import (
	"bytes"
	"fmt"
	"log/slog"
	"math"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// The labels the window gives the calibration entry in Japanese, and the command line's.
const (
	issuerJA, accountJA = "サインイン診断", "サインイン診断（時計の確認用）"
	issuerEN, accountEN = "Sign-in Doctor", "Sign-in Doctor (clock check)"
)

func newTestCalibration(t *testing.T, issuer, account string) *Calibration {
	t.Helper()
	c, err := NewCalibration(issuer, account)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// keyOf is the base32 key in a calibration's URI, as a phone reads it from the QR code.
func keyOf(t *testing.T, c *Calibration) string {
	t.Helper()
	u, err := url.Parse(c.URI())
	if err != nil {
		t.Fatal(err)
	}
	return u.Query().Get("secret")
}

func TestCalibrationKeyIsWhatEveryAppTakes(t *testing.T) {
	for _, l := range [][2]string{{issuerJA, accountJA}, {issuerEN, accountEN}} {
		t.Run(l[1], func(t *testing.T) {
			c := newTestCalibration(t, l[0], l[1])
			s := c.Secret
			if s.Algorithm != SHA1 || s.Digits != 6 || s.Period != 30*time.Second {
				t.Errorf("the key is %s, %d digits, %v; want SHA1, 6 digits, 30 s", s.Algorithm, s.Digits, s.Period)
			}
			if s.Issuer != l[0] || s.Account != l[1] {
				t.Errorf("the app would name the entry %q / %q, want %q / %q", s.Issuer, s.Account, l[0], l[1])
			}
			if !strings.HasPrefix(c.URI(), "otpauth://totp/") {
				t.Errorf("the URI %q is not a TOTP one", c.URI())
			}
			// The setup key typed by hand is the same key.
			typed, err := ParseBase32(c.SetupKey())
			if err != nil || typed.key() != s.key() || len(strings.ReplaceAll(c.SetupKey(), " ", "")) != 32 {
				t.Errorf("the setup key %d chars does not give the key back (%v)", len(c.SetupKey()), err)
			}
		})
	}
	if a, b := newTestCalibration(t, issuerEN, accountEN), newTestCalibration(t, issuerEN, accountEN); a.Secret.key() == b.Secret.key() {
		t.Error("two calibrations made the same key")
	}
}

func TestCalibrationQRReadsBackToTheURI(t *testing.T) {
	for _, l := range [][2]string{{issuerJA, accountJA}, {issuerEN, accountEN}} {
		t.Run(l[1], func(t *testing.T) {
			c := newTestCalibration(t, l[0], l[1])
			q, err := c.QR()
			if err != nil {
				t.Fatal(err)
			}
			for x := range q.Size() {
				if q.Dark(x, 0) || q.Dark(0, x) || q.Dark(x, QRQuietZone-1) {
					t.Fatal("the quiet zone has a dark module")
				}
			}
			bmp, err := gozxing.NewBinaryBitmapFromImage(q.Image(4))
			if err != nil {
				t.Fatal(err)
			}
			// Read as a pure barcode, as totptest.ReadQR does (which this package's own tests
			// cannot import): the search for a code in a photo misses a clean one now and then.
			hints := map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true}
			res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
			if err != nil {
				t.Fatalf("gozxing cannot read the QR code drawn: %v", err)
			}
			if res.GetText() != c.URI() {
				t.Errorf("the QR code reads %d characters that are not the URI", len(res.GetText()))
			}
		})
	}
}

func TestCalibrationPrintsNoKey(t *testing.T) {
	c := newTestCalibration(t, issuerEN, accountEN)
	q, _ := c.QR()
	b32 := keyOf(t, c)
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("calibrating", "calibration", c, "value", *c, "qr", q)
	out := logged.String()
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
		out += fmt.Sprintf(verb, c) + fmt.Sprintf(verb, *c) + fmt.Sprintf(verb, q) +
			fmt.Sprintf(verb, struct{ C *Calibration }{c}) + fmt.Sprintf(verb, struct{ Q QRCode }{q})
	}
	if strings.Contains(strings.ToUpper(out), b32) || strings.Contains(out, "otpauth") || strings.Contains(out, "true true") {
		t.Errorf("printing a calibration shows its key:\n%s", out)
	}
}

// calibrationBase is a step boundary of this computer's clock.
var calibrationBase = time.Unix(1_800_000_000, 0)

func TestCalibrationCodes(t *testing.T) {
	c := newTestCalibration(t, issuerEN, accountEN)
	at := calibrationBase.Add(7 * time.Second)
	now, _ := c.Secret.Code(at)
	for _, tt := range []struct{ code, says string }{{"", "no code"}, {"12345", "5 digits"}, {"12a456", "other than digits"}} {
		if err := c.Add(tt.code, at); err == nil || !strings.Contains(err.Error(), tt.says) {
			t.Errorf("Add(%q) = %v, want an error saying %q", tt.code, err, tt.says)
		}
	}
	if err := c.Add(now[:3]+" "+now[3:], at); err != nil {
		t.Fatalf("a code as the app shows it: %v", err)
	}
	if err := c.Add(now, at.Add(5*time.Second)); err != ErrRepeatedCode {
		t.Errorf("the same code again: %v, want ErrRepeatedCode", err)
	}
	p := c.Placement()
	if !p.Placed || p.Codes != 1 || p.Last != FitJoined || math.Abs(p.Chance-41e-6) > 1e-12 {
		t.Errorf("one code: %+v; want placed by 1 code, chance 41e-6", p)
	}

	// given a code no step makes, then the placement stays and says so
	wrong := "000000"
	for k := -20; k <= 20; k++ {
		if code, _ := c.Secret.Code(at.Add(time.Duration(k) * 30 * time.Second)); code == wrong {
			t.Skip("000000 is a code of this key's window") // once in 24,000 runs
		}
	}
	_ = c.Add(wrong, at.Add(10*time.Second))
	if q := c.Placement(); q.Last != FitNone || q.Codes != 1 || q.Lo != p.Lo {
		t.Errorf("after a code no step makes: %+v", q)
	}

	// given a code of a step far from the first one, then it counts alone
	far, _ := c.Secret.Code(at.Add(20*time.Second + 8*time.Minute))
	_ = c.Add(far, at.Add(20*time.Second))
	if q := c.Placement(); q.Last != FitRestart || q.Codes != 1 || q.StepsMin != 16 {
		t.Errorf("after a code 16 steps off: %+v", q)
	}

	// given the next code, then two codes place it, and a coincidence is far less likely
	next, _ := c.Secret.Code(at.Add(50*time.Second + 8*time.Minute))
	_ = c.Add(next, at.Add(50*time.Second))
	if q := c.Placement(); q.Codes != 2 || q.Chance >= 1e-9 {
		t.Errorf("after the next code: %+v", q)
	}
	c.Reset()
	if c.Typed() != 0 || c.Placement().Placed {
		t.Error("Reset kept the codes")
	}
}
