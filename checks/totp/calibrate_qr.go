package totp

import (
	"errors"
	"fmt"
	"image"
	"image/color"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// QRQuietZone is the light border a QR code needs around it to be found, in modules.
const QRQuietZone = 4

// QRCode is the calibration key's QR code as modules, its quiet zone included, so that each
// face draws it its own way: the window as an image, the terminal in half blocks. It holds the
// key and prints nothing of it.
type QRCode struct {
	size int
	dark []bool
}

// QR draws the calibration's URI as a QR code (error correction M: a phone's camera reads a
// code off a screen at an angle).
func (c *Calibration) QR() (QRCode, error) {
	hints := map[gozxing.EncodeHintType]any{
		gozxing.EncodeHintType_ERROR_CORRECTION: "M",
		gozxing.EncodeHintType_MARGIN:           QRQuietZone,
	}
	m, err := qrcode.NewQRCodeWriter().Encode(c.uri(), gozxing.BarcodeFormat_QR_CODE, 0, 0, hints)
	if err != nil {
		// The writer's messages may quote what it was given.
		return QRCode{}, errors.New("the calibration key could not be drawn as a QR code")
	}
	q := QRCode{size: m.GetWidth(), dark: make([]bool, m.GetWidth()*m.GetHeight())}
	for y := range m.GetHeight() {
		for x := range q.size {
			q.dark[y*q.size+x] = m.Get(x, y)
		}
	}
	return q, nil
}

// Size is the code's width and height in modules, the quiet zone included.
func (q QRCode) Size() int { return q.size }

// Dark reports whether the module at x, y is dark; outside the code, it is not.
func (q QRCode) Dark(x, y int) bool {
	if x < 0 || y < 0 || x >= q.size || y >= q.size {
		return false
	}
	return q.dark[y*q.size+x]
}

// Image draws the code black on white, scale pixels a module.
func (q QRCode) Image(scale int) image.Image {
	scale = max(scale, 1)
	img := image.NewGray(image.Rect(0, 0, q.size*scale, q.size*scale))
	for y := range q.size * scale {
		for x := range q.size * scale {
			c := color.Gray{Y: 0xff}
			if q.Dark(x/scale, y/scale) {
				c.Y = 0
			}
			img.SetGray(x, y, c)
		}
	}
	return img
}

// String keeps the modules, which spell the key, out of what is printed.
func (QRCode) String() string { return "totp.QRCode{" + redacted + "}" }

// Format keeps every verb (%#v, %x …) from printing the modules.
func (q QRCode) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(q.String())) }
