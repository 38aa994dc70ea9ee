package totptest

import (
	"image"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// ReadQR reads the text of a QR code the app drew, as a phone's camera would, or fails t. The
// image is the code alone, drawn clean, so it is read as a pure barcode: gozxing's search for
// a code in a photo missed a clean one about once in 250 runs (measured), which would fail a
// test for nothing.
func ReadQR(t testing.TB, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatalf("the QR code's image: %v", err)
	}
	hints := map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		t.Fatalf("gozxing cannot read the QR code drawn: %v", err)
	}
	return res.GetText()
}
