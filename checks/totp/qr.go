package totp

import (
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // QR screenshots arrive as GIF too
	_ "image/jpeg" // and as phone photos
	_ "image/png"
	"os"
	"strings"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// maxImageBytes bounds the QR image file read: a screenshot or photo is a few megabytes.
const maxImageBytes = 32 << 20

// ReadQR reads a QR code image file (PNG, JPEG or GIF) and parses the otpauth://totp/ URI it
// holds. The file is only read.
func ReadQR(path string) (Secret, error) {
	f, err := os.Open(path)
	if err != nil {
		return Secret{}, fmt.Errorf("reading the QR image: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > maxImageBytes {
		return Secret{}, fmt.Errorf("the QR image %s is larger than %d MB: not a screenshot or photo of a QR code", path, maxImageBytes>>20)
	}
	img, _, err := image.Decode(f)
	if err != nil {
		return Secret{}, fmt.Errorf("%s is not a PNG, JPEG or GIF image that can be read: %w", path, err)
	}
	return DecodeQR(img)
}

// DecodeQR finds a QR code in img and parses the otpauth://totp/ URI it holds.
func DecodeQR(img image.Image) (Secret, error) {
	if img == nil {
		return Secret{}, errors.New("no image was given")
	}
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return Secret{}, errors.New("the image cannot be read as a picture of a QR code")
	}
	reader := qrcode.NewQRCodeReader()
	res, err := reader.Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		// An image that is nothing but the code, edge to edge, is found only as a pure barcode.
		res, err = reader.Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_PURE_BARCODE: true})
	}
	if err != nil {
		return Secret{}, errors.New("no QR code was found in the image: crop it to the code, or take a sharper picture")
	}
	text := strings.TrimSpace(res.GetText())
	if !strings.HasPrefix(strings.ToLower(text), "otpauth:") {
		// What the code says is not repeated: it may be anything, a key included.
		return Secret{}, errors.New("the QR code does not hold an otpauth:// URI: it is not an authenticator's setup code")
	}
	s, err := ParseURI(text)
	if err != nil {
		return Secret{}, fmt.Errorf("the QR code's URI: %w", err)
	}
	return s, nil
}
