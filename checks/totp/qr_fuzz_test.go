package totp

import (
	"bytes"
	"image"
	"image/gif"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// FuzzDecodeQR: any image file a person picks either gives a secret that makes codes or an
// error, without a panic in the image or QR decoders, and the error never repeats what the
// code holds.
func FuzzDecodeQR(f *testing.F) {
	const held = "otpauth://totp/Zoho:a@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Zoho"
	for _, text := range []string{held, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&digits=9"} {
		m, err := qrcode.NewQRCodeWriter().Encode(text, gozxing.BarcodeFormat_QR_CODE, 120, 120, nil)
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		if err := png.Encode(&b, m); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
		b.Reset()
		if err := gif.Encode(&b, m, nil); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// A picture larger than a screenshot only makes the fuzzer slow, not the decoder wrong.
		if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width*cfg.Height > 512*512 {
			return
		}
		img, _, err := image.Decode(bytes.NewReader(data))
		if err != nil {
			return
		}
		s, err := DecodeQR(img)
		if err != nil {
			if strings.Contains(strings.ToUpper(err.Error()), "JBSWY3DPEHPK3PXP") {
				t.Fatalf("error %q repeats the code's secret", err)
			}
			return
		}
		if code, err := s.Code(time.Unix(1_800_000_000, 0)); err != nil || len(code) != s.Digits {
			t.Fatalf("decoded %v but Code = %q, %v", s, code, err)
		}
	})
}
