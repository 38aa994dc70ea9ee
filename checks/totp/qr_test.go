package totp

import (
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp"
	pqtotp "github.com/pquerna/otp/totp"
)

// writeImage encodes img into a file of the test's temporary folder.
func writeImage(t *testing.T, name string, img image.Image) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if strings.HasSuffix(name, ".jpg") {
		err = jpeg.Encode(f, img, &jpeg.Options{Quality: 85})
	} else {
		err = png.Encode(f, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// withMargin draws img on a white canvas with a margin, as a screenshot shows a QR code.
func withMargin(img image.Image, margin int) image.Image {
	b := img.Bounds()
	out := image.NewGray(image.Rect(0, 0, b.Dx()+2*margin, b.Dy()+2*margin))
	for i := range out.Pix {
		out.Pix[i] = 0xff
	}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			out.Set(x-b.Min.X+margin, y-b.Min.Y+margin, img.At(x, y))
		}
	}
	return out
}

func TestQRCodesOfEveryKind(t *testing.T) {
	at := time.Unix(1_800_000_000, 0)
	for _, tt := range []struct {
		alg    otp.Algorithm
		want   string
		digits otp.Digits
		period uint
		file   string
		margin int
	}{
		{otp.AlgorithmSHA1, SHA1, otp.DigitsSix, 30, "code.png", 0},
		{otp.AlgorithmSHA256, SHA256, otp.DigitsEight, 60, "code.png", 40},
		{otp.AlgorithmSHA512, SHA512, otp.DigitsSix, 15, "photo.jpg", 40},
	} {
		t.Run("given a "+tt.want+" QR code in "+tt.file, func(t *testing.T) {
			key, err := pqtotp.Generate(pqtotp.GenerateOpts{Issuer: "Example", AccountName: "alice@example.com",
				Algorithm: tt.alg, Digits: tt.digits, Period: tt.period})
			if err != nil {
				t.Fatal(err)
			}
			img, err := key.Image(256, 256)
			if err != nil {
				t.Fatal(err)
			}
			path := writeImage(t, tt.file, withMargin(img, tt.margin))
			s, err := ReadQR(path)
			if err != nil {
				t.Fatalf("ReadQR: %v", err)
			}
			want, _ := pqtotp.GenerateCodeCustom(key.Secret(), at, pqtotp.ValidateOpts{Period: tt.period, Digits: tt.digits, Algorithm: tt.alg})
			got, _ := s.Code(at)
			if got != want || s.Algorithm != tt.want || s.Digits != int(tt.digits) || s.Period != time.Duration(tt.period)*time.Second || s.Issuer != "Example" {
				t.Errorf("then %v (%s, issuer %q) makes %q, want %q", s, s.Algorithm, s.Issuer, got, want)
			}
		})
	}
}

func TestBadQRImages(t *testing.T) {
	blank := image.NewGray(image.Rect(0, 0, 200, 200))
	for i := range blank.Pix {
		blank.Pix[i] = 0xff
	}
	notOTP, err := otp.NewKeyFromURL("https://example.com/setup?secret=KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ")
	if err != nil {
		t.Fatal(err)
	}
	notOTPImg, err := notOTP.Image(200, 200)
	if err != nil {
		t.Fatal(err)
	}
	good := writeImage(t, "good.png", withMargin(notOTPImg, 20))
	raw, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	corrupt := filepath.Join(t.TempDir(), "corrupt.png")
	if err := os.WriteFile(corrupt, raw[:len(raw)/3], 0o600); err != nil {
		t.Fatal(err)
	}
	text := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(text, []byte("KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path, says string
	}{
		{"given a truncated PNG", corrupt, "not a PNG, JPEG or GIF"},
		{"given a text file", text, "not a PNG, JPEG or GIF"},
		{"given a missing file", filepath.Join(t.TempDir(), "none.png"), "reading the QR image"},
		{"given an image without a QR code", writeImage(t, "blank.png", blank), "no QR code"},
		{"given a QR code of a web address", good, "not an authenticator's setup code"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" then the error says so", func(t *testing.T) {
			_, err := ReadQR(tt.path)
			if err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Fatalf("error %v, want one saying %q", err, tt.says)
			}
			if leaks(err.Error(), "KRUGS4ZANFZSAYJAONSWG4TFOQQGWZLZ") {
				t.Errorf("error %q repeats the code's content", err)
			}
		})
	}
	if _, err := DecodeQR(nil); err == nil {
		t.Error("DecodeQR(nil) succeeded")
	}
}
