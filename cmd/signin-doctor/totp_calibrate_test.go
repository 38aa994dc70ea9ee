package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/color"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/totp"
	"github.com/signin-doctor/signin-doctor/checks/totp/totptest"
)

// watched is standard error as the person's terminal shows it: it tells when the command has
// printed the calibration key's URI.
type watched struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	uri  chan string
	sent bool
}

const uriLabel = "The key as a URI: "

func (w *watched) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(b)
	if _, rest, ok := strings.Cut(w.buf.String(), uriLabel); ok && !w.sent && strings.Contains(rest, "\n") {
		w.sent = true
		w.uri <- strings.TrimSpace(strings.SplitN(rest, "\n", 2)[0])
	}
	return len(b), nil
}

func (w *watched) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// calibration is one run of `totp --calibrate` with a phone typing its codes.
type calibration struct {
	exit           int
	stdout, stderr string
	uri            string
	phone          totptest.Phone
	typed          []totptest.Typed
}

// calibrate runs `totp --calibrate` at this computer's clock as the phone's codes are typed:
// the phone, shift off this computer, scans the URI the command printed on standard error;
// what the person types comes from type (nil: the code shown and the next one, from a moment
// 12 s into this computer's step). clock is the clock check's reading.
func calibrate(t *testing.T, shift time.Duration, clock totp.ClockReading, types func(totptest.Phone) []totptest.Typed, args ...string) calibration {
	t.Helper()
	if types == nil {
		types = func(p totptest.Phone) []totptest.Typed {
			two := p.TypesTwoCodes(totptest.Base.Add(12 * time.Second))
			return two[:]
		}
	}
	in, feed := io.Pipe()
	stderr := &watched{uri: make(chan string, 1)}
	var stdout bytes.Buffer
	var mu sync.Mutex
	var times []time.Time
	now := func() time.Time { // the i-th code is typed at the i-th time
		mu.Lock()
		defer mu.Unlock()
		at := times[0]
		if len(times) > 1 {
			times = times[1:]
		}
		return at
	}
	done := make(chan int)
	clk := totpClock{Offset: func(context.Context) (time.Duration, bool) { return clock.Offset, clock.Known }}
	go func() {
		done <- runTOTP(t.Context(), append([]string{"--calibrate"}, args...), streams{In: in, Out: &stdout, Err: stderr}, clk, now)
	}()
	var run calibration
	select {
	case run.uri = <-stderr.uri:
	case <-time.After(10 * time.Second):
		t.Fatalf("the command printed no URI:\n%s", stderr.String())
	}
	run.phone = totptest.NewPhone(t, run.uri, shift)
	run.typed = types(run.phone)
	mu.Lock()
	for _, ty := range run.typed {
		times = append(times, ty.At)
	}
	mu.Unlock()
	go func() {
		for _, ty := range run.typed {
			if _, err := io.WriteString(feed, ty.Code+"\n"); err != nil {
				return
			}
		}
		feed.Close()
	}()
	select {
	case run.exit = <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("the command did not end:\n%s", stderr.String())
	}
	feed.Close()
	run.stdout, run.stderr = stdout.String(), stderr.String()
	return run
}

func TestCalibrateAgainstOathtool(t *testing.T) {
	for _, tt := range []struct {
		name  string
		shift time.Duration
		exit  int
		codes int
	}{
		{"phone_right", 0, exitClean, 1},
		{"phone_15s_ahead", 15 * time.Second, exitClean, 1}, // its first code is on this computer's step
		{"phone_15s_behind", -15 * time.Second, exitClean, 2},
		{"phone_45s_ahead", 45 * time.Second, exitFindings, 2},
		{"phone_45s_behind", -45 * time.Second, exitFindings, 2},
		{"phone_5min_ahead", 5 * time.Minute, exitFindings, 2},
		{"phone_5min_behind", -5 * time.Minute, exitFindings, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			run := calibrate(t, tt.shift, totptest.Measured(0), nil, "--json")
			if run.exit != tt.exit {
				t.Errorf("exit %d, want %d; stderr:\n%s", run.exit, tt.exit, run.stderr)
			}
			var got map[string]any
			if err := json.Unmarshal([]byte(run.stdout), &got); err != nil {
				t.Fatalf("stdout is not JSON: %v\n%s", err, run.stdout)
			}
			// the same fields as totp --json, and the range
			for _, key := range []string{"schema_version", "match", "steps", "offset_seconds", "period", "window_steps", "clock_offset_ms", "phone_offset_ms",
				"calibration", "steps_min", "steps_max", "offset_min_seconds", "offset_max_seconds", "codes", "confirmed", "chance"} {
				if _, ok := got[key]; !ok {
					t.Errorf("the JSON lacks %q:\n%s", key, run.stdout)
				}
			}
			lo, hi := got["offset_min_seconds"].(float64), got["offset_max_seconds"].(float64)
			if got["calibration"] != true || got["confirmed"] != true || got["codes"] != float64(tt.codes) ||
				tt.shift.Seconds() < lo || tt.shift.Seconds() >= hi {
				t.Errorf("the phone is %v off, but the JSON says:\n%s", tt.shift, run.stdout)
			}
			k := run.phone.StepsAhead(run.typed[0])
			if smin, smax := got["steps_min"].(float64), got["steps_max"].(float64); float64(k) < smin || float64(k) > smax {
				t.Errorf("the first code was %d steps ahead, outside steps_min..steps_max %v..%v", k, smin, smax)
			}
		})
	}
}

func TestCalibrateTextTellsWhatToDoAndHowToCleanUp(t *testing.T) {
	run := calibrate(t, 45*time.Second, totptest.Measured(0), nil)
	for _, want := range []string{"! The phone's clock is", "ahead of this computer's (steps +1 to +2), from 2 codes",
		"less than 1 in a billion", "on the phone, set the date and time automatically"} {
		if !strings.Contains(run.stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, run.stdout)
		}
	}
	for _, want := range []string{`"Sign-in Doctor (clock check)"`, "Google Authenticator", "Microsoft Authenticator, Zoho OneAuth",
		"Wait until the app shows a new code", "Now delete the entry", "Remove account", "Authenticator tab", "setup key by hand"} {
		if !strings.Contains(run.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, run.stderr)
		}
	}
	if strings.Contains(run.stdout, run.uri) || strings.Contains(run.stdout, "otpauth") {
		t.Errorf("the key's URI is on standard output:\n%s", run.stdout)
	}
}

func TestCalibrateTriangulatesWithTheClockCheck(t *testing.T) {
	// given this computer 95 s behind true time and the phone right, then this computer is to blame
	run := calibrate(t, 95*time.Second, totptest.Measured(95*time.Second), nil)
	if run.exit != exitFindings || !strings.Contains(run.stdout, "the phone is right: set this computer's clock automatically") {
		t.Errorf("exit %d:\n%s", run.exit, run.stdout)
	}
	// given true time unknown and the phone 45 s off, then one of the two clocks is
	run = calibrate(t, 45*time.Second, totp.ClockReading{}, nil)
	if !strings.Contains(run.stdout, "one of the two clocks is off") {
		t.Errorf("with true time unknown:\n%s", run.stdout)
	}
}

func TestCalibrateAsksForTheNextCode(t *testing.T) {
	// given the person types one code a step off and stops
	one := func(p totptest.Phone) []totptest.Typed {
		two := p.TypesTwoCodes(totptest.Base.Add(12 * time.Second))
		return two[:1]
	}
	run := calibrate(t, 45*time.Second, totptest.Measured(0), one, "--json")
	// then the command asked for the next code, and says the answer is not confirmed
	if !strings.Contains(run.stderr, "Wait until the app shows a new code, then type it at once") {
		t.Errorf("the next code was not asked for:\n%s", run.stderr)
	}
	var got struct {
		Confirmed bool    `json:"confirmed"`
		Codes     int     `json:"codes"`
		Chance    float64 `json:"chance"`
	}
	if err := json.Unmarshal([]byte(run.stdout), &got); err != nil || got.Confirmed || got.Codes != 1 || got.Chance != 4.1e-5 {
		t.Errorf("one code: %+v (%v)\n%s", got, err, run.stdout)
	}
}

func TestCalibrateWithAPhoneOutsideTheWindow(t *testing.T) {
	// given a phone half an hour ahead, whose codes no step of the window makes
	run := calibrate(t, 30*time.Minute, totptest.Measured(0), nil, "--json")
	var got map[string]any
	if err := json.Unmarshal([]byte(run.stdout), &got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, run.stdout)
	}
	// then the verdict says so, with no range, and exit 1
	if run.exit != exitFindings || got["match"] != "none" || got["steps_min"] != nil || got["offset_max_seconds"] != nil || got["chance"] != nil || got["codes"] != 0.0 {
		t.Errorf("exit %d:\n%s", run.exit, run.stdout)
	}
	if !strings.Contains(run.stderr, "No step within ±10 min makes that code") {
		t.Errorf("the person was not told the code fits no step:\n%s", run.stderr)
	}
}

func TestCalibrateBadInput(t *testing.T) {
	for _, tt := range []struct {
		name, stdin string
		args        []string
		says        string
	}{
		{"with --code", "", []string{"--calibrate", "--code", "123456"}, "leave out --code"},
		{"with --qr", "", []string{"--calibrate", "--qr", "x.png"}, "leave out --qr"},
		{"with no code", "", []string{"--calibrate"}, "no code was typed"},
		{"with no digits", "abcdef\n\n", []string{"--calibrate"}, "other than digits"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := runTOTP(t.Context(), tt.args, streams{In: strings.NewReader(tt.stdin), Out: &out, Err: &errb}, totpClock{}, time.Now)
			if code != exitUsage || !strings.Contains(errb.String(), tt.says) {
				t.Errorf("exit %d, stderr %q; want 2 saying %q", code, errb.String(), tt.says)
			}
		})
	}
}

func TestCalibrateQRInTheTerminalReadsBackToTheURI(t *testing.T) {
	run := calibrate(t, 0, totptest.Measured(0), nil)
	var rows []string
	for _, line := range strings.Split(run.stderr, "\n") {
		if strings.ContainsAny(line, "█▀▄") {
			rows = append(rows, line)
		}
	}
	if totptest.ReadQR(t, halfBlocksImage(rows)) != run.uri {
		t.Error("the QR code in the terminal does not hold the URI printed")
	}

	// and painted, every line is black on white
	c, _ := totp.NewCalibration(calibrationIssuer, calibrationAccount)
	q, _ := c.QR()
	var painted strings.Builder
	writeQR(&painted, q, true)
	for _, line := range strings.Split(strings.TrimSuffix(painted.String(), "\n"), "\n") {
		if !strings.HasPrefix(line, blackOnWhite) || !strings.HasSuffix(line, plainColours) {
			t.Fatalf("a painted line is not black on white: %q", line)
		}
	}
}

// halfBlocksImage is a QR code drawn in half blocks as an image, the blocks dark.
// A module is drawn 4 pixels wide, on white with a margin (the rows of the quiet zone are
// blank lines, left out of rows).
func halfBlocksImage(rows []string) image.Image {
	const px, margin = 4, 4 * totp.QRQuietZone
	width := len([]rune(rows[0]))
	img := image.NewGray(image.Rect(0, 0, width*px+2*margin, len(rows)*2*px+2*margin))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	for y, row := range rows {
		for x, r := range []rune(row) {
			upper, lower := r == '█' || r == '▀', r == '█' || r == '▄'
			for dy := range 2 * px {
				if upper && dy < px || lower && dy >= px {
					for dx := range px {
						img.SetGray(margin+x*px+dx, margin+y*2*px+dy, color.Gray{})
					}
				}
			}
		}
	}
	return img
}
