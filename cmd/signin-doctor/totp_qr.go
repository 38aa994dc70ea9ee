package main

import (
	"io"
	"strings"

	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// Terminal colours that paint the QR code black on white: a dark terminal would otherwise show
// it inverted, which many authenticator apps cannot read.
const (
	blackOnWhite = "\x1b[30;47m"
	plainColours = "\x1b[0m"
)

// writeQR draws q in the terminal with Unicode half blocks, two rows of modules a line: the
// upper half block is the upper module dark, the lower half block the lower one, the full
// block both. With colour the code is painted black on white; without, the blocks are the ink,
// as on paper.
func writeQR(w io.Writer, q totp.QRCode, colour bool) {
	var b strings.Builder
	for y := 0; y < q.Size(); y += 2 {
		if colour {
			b.WriteString(blackOnWhite)
		}
		for x := range q.Size() {
			b.WriteRune(halfBlock(q.Dark(x, y), q.Dark(x, y+1)))
		}
		if colour {
			b.WriteString(plainColours)
		}
		b.WriteByte('\n')
	}
	_, _ = io.WriteString(w, b.String())
}

// halfBlock is the character for an upper and a lower module.
func halfBlock(upper, lower bool) rune {
	switch {
	case upper && lower:
		return '█'
	case upper:
		return '▀'
	case lower:
		return '▄'
	}
	return ' '
}
