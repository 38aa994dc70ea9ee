package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/signin-doctor/signin-doctor/checks"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// The calibration entry's names in the authenticator app. The command speaks English, as the
// rest of the terminal output; the window names it in the person's language.
const (
	calibrationIssuer  = "Sign-in Doctor"
	calibrationAccount = "Sign-in Doctor (clock check)"
)

// maxCalibrationCodes bounds how many codes the command asks for.
const maxCalibrationCodes = 5

// checkCalibrateFlags refuses what --calibrate does not take: it makes its own key and reads
// the codes from standard input.
func checkCalibrateFlags(o totpOptions) error {
	switch {
	case o.code != "":
		return errors.New("--calibrate reads the codes from standard input, one a line: leave out --code")
	case o.qr != "":
		return errors.New("--calibrate makes a key of its own: leave out --qr")
	}
	return nil
}

// runCalibrate runs `signin-doctor totp --calibrate`: it shows a throwaway key as a QR code on
// standard error, reads the codes the person's app shows for it from standard input, and prints
// where they place the phone's clock (text or --json) on standard output. Exit 0: the verdict
// is ok; 1: a clock is off or no code placed it; 2: no code was typed.
func runCalibrate(ctx context.Context, o totpOptions, s streams, c totpClock, now func() time.Time) int {
	cal, err := totp.NewCalibration(calibrationIssuer, calibrationAccount)
	if err == nil {
		err = showCalibration(s.Err, cal, paintable(s.Err))
	}
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor totp: %v\n", err)
		return exitUsage
	}
	ctx, stop := context.WithCancel(ctx)
	defer stop() // ends the reading of standard input with the command
	offset := sync.OnceValues(startClockOffset(ctx, c.Offset))
	decide := func() totp.CalibrationVerdict {
		off, known := offset()
		return totp.DecideCalibration(cal.Placement(), totp.ClockReading{Offset: off, Known: known}, c.Thresholds)
	}
	v, typed := collectCodes(ctx, cal, readLines(ctx, s.In), s.Err, now, decide)
	if !typed {
		fmt.Fprintln(s.Err, "signin-doctor totp: no code was typed: type the code the app shows for the entry "+quoted(calibrationAccount)+", one a line")
		return exitUsage
	}
	if o.json {
		if err := encodeTOTPJSON(s.Out, calibrationFields(v)); err != nil {
			fmt.Fprintf(s.Err, "signin-doctor totp: %v\n", err)
			return exitUsage
		}
	} else {
		writeCalibrationText(s.Out, v)
	}
	writeCleanup(s.Err)
	if v.Status == checks.OK {
		return exitClean
	}
	return exitFindings
}

// showCalibration tells the person what to scan, and how to add the entry by hand.
func showCalibration(w io.Writer, cal *totp.Calibration, colour bool) error {
	q, err := cal.QR()
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Scan this QR code with the authenticator app you sign in with (Google Authenticator,")
	fmt.Fprintln(w, "Microsoft Authenticator, Zoho OneAuth, …). It adds the entry "+quoted(calibrationAccount)+":")
	fmt.Fprintln(w, "a throwaway key of this check, not your account's. No secret of yours is needed.")
	fmt.Fprintln(w)
	writeQR(w, q, colour)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Cannot scan it? In the app, enter a setup key by hand (time-based): "+cal.SetupKey())
	fmt.Fprintln(w, "The key as a URI: "+cal.URI())
	fmt.Fprintln(w)
	return nil
}

// collectCodes asks for codes until the verdict is confirmed, the person stops (an empty line
// once a code placed the phone, the end of the input, Ctrl-C) or maxCalibrationCodes were
// taken. typed is false when no code was taken at all.
func collectCodes(ctx context.Context, cal *totp.Calibration, lines <-chan string, w io.Writer, now func() time.Time,
	decide func() totp.CalibrationVerdict) (v totp.CalibrationVerdict, typed bool) {
	fmt.Fprint(w, "Type the code the app shows now for "+quoted(calibrationAccount)+", then Enter: ")
	for cal.Typed() < maxCalibrationCodes {
		var line string
		var more bool
		select {
		case line, more = <-lines:
		case <-ctx.Done():
		}
		if !more {
			break
		}
		at := now()
		if strings.TrimSpace(line) == "" && typed {
			break
		}
		if err := cal.Add(line, at); err != nil {
			fmt.Fprintf(w, "%v.\nType the code again: ", err)
			continue
		}
		v, typed = decide(), true
		if v.Confirmed {
			break
		}
		fmt.Fprint(w, progressSentence(v)+"\n")
	}
	fmt.Fprintln(w)
	return v, typed
}

// readLines sends each line of r until ctx ends, and closes the channel at r's end. A line
// longer than a code has any reason to be ends the input.
func readLines(ctx context.Context, r io.Reader) <-chan string {
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 0, 256), 4<<10)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			case <-ctx.Done():
				return
			}
		}
	}()
	return lines
}

// paintable reports whether w is a terminal that takes colours: the QR code is then painted
// black on white, whatever the terminal's own colours.
func paintable(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && enableColours(f)
}

// calibrationJSON is the --calibrate --json output (docs/DESIGN.md): the totp fields, and the
// range the codes allow. The range is null when no code placed the phone.
type calibrationJSON struct {
	totpJSON
	Calibration      bool     `json:"calibration"`
	StepsMin         *int     `json:"steps_min"`
	StepsMax         *int     `json:"steps_max"`
	OffsetMinSeconds *float64 `json:"offset_min_seconds"`
	OffsetMaxSeconds *float64 `json:"offset_max_seconds"`
	Codes            int      `json:"codes"`
	Confirmed        bool     `json:"confirmed"`
	Chance           *float64 `json:"chance"`
}

func calibrationFields(v totp.CalibrationVerdict) calibrationJSON {
	p := v.Placement
	out := calibrationJSON{totpJSON: totpFields(v.Verdict), Calibration: true, Codes: p.Codes, Confirmed: v.Confirmed}
	if p.Placed {
		lo, hi := tenths(p.Lo), tenths(p.Hi)
		out.StepsMin, out.StepsMax, out.OffsetMinSeconds, out.OffsetMaxSeconds = &p.StepsMin, &p.StepsMax, &lo, &hi
		chance, _ := strconv.ParseFloat(strconv.FormatFloat(p.Chance, 'g', 2, 64), 64)
		out.Chance = &chance
	}
	return out
}

// tenths is d in seconds, to a tenth.
func tenths(d time.Duration) float64 { return math.Round(d.Seconds()*10) / 10 }
