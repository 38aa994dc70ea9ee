package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode"

	"golang.org/x/term"

	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/checks/totp"
)

// totpOptions are the flags of `signin-doctor totp`.
type totpOptions struct {
	code      string
	json      bool
	qr        string // a QR image file instead of a secret on standard input
	calibrate bool   // a calibration key of the app's own instead of the person's secret
}

// errSecretInArgs refuses a secret on the command line, where the process list and the
// shell's history would keep it.
var errSecretInArgs = errors.New("the secret is read from standard input, never from the command line " +
	"(other programs and the shell history could see it there): run  signin-doctor totp --code NNNNNN  and paste it when asked, or pipe it in")

// parseTOTPFlags parses the flags of `totp`. Its errors never repeat an argument: a
// misplaced secret may be one.
func parseTOTPFlags(args []string) (totpOptions, error) {
	var o totpOptions
	for _, a := range args {
		name := strings.ToLower(strings.TrimLeft(strings.SplitN(a, "=", 2)[0], "-"))
		if strings.HasPrefix(a, "-") && (name == "secret" || name == "key" || name == "uri" || name == "s") {
			return o, errSecretInArgs
		}
	}
	fs := flag.NewFlagSet("totp", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // its messages quote arguments
	fs.StringVar(&o.code, "code", "", "the code the phone shows")
	fs.BoolVar(&o.json, "json", false, "print the result as JSON (schema v1)")
	fs.StringVar(&o.qr, "qr", "", "read the secret from the QR code in image `FILE`")
	fs.BoolVar(&o.calibrate, "calibrate", false, "check the phone's clock with a throwaway key of its own, the codes on standard input")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return o, err
		}
		return o, errors.New("an unknown flag or a flag without its value was given")
	}
	if fs.NArg() > 0 {
		return o, errSecretInArgs
	}
	if o.calibrate {
		return o, checkCalibrateFlags(o)
	}
	return o, checkCodeFlag(o.code)
}

// checkCodeFlag checks --code before the secret is asked for, so a secret typed into --code by
// mistake is refused at once. Find checks the length against the secret's digits.
func checkCodeFlag(code string) error {
	if code == "" {
		return errors.New("--code is required: the code the phone's authenticator shows now")
	}
	if strings.IndexFunc(code, func(r rune) bool { return (r < '0' || r > '9') && r != ' ' && r != '-' }) >= 0 {
		return errors.New("the code has characters other than digits: --code takes the digits the phone shows")
	}
	return nil
}

// totpClock is what the totp command knows of this computer's clock: Offset runs the clock
// check and returns true time minus this computer's, when it could tell (nil skips it), and
// Thresholds are the configured ones the verdict applies to it.
type totpClock struct {
	Offset     func(context.Context) (time.Duration, bool)
	Thresholds clock.Thresholds
}

// totpCommand runs `signin-doctor totp`.
func totpCommand(ctx context.Context, args []string, s streams, c totpClock) int {
	return runTOTP(ctx, args, s, c, time.Now)
}

// runTOTP is totpCommand with this computer's clock injected, so tests can stand inside a
// time step rather than race its boundary.
func runTOTP(ctx context.Context, args []string, s streams, c totpClock, now func() time.Time) int {
	o, err := parseTOTPFlags(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(s.Out, usage)
		return exitClean
	}
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor totp: %v\n\n%s", err, usage)
		return exitUsage
	}
	if o.calibrate {
		return runCalibrate(ctx, o, s, c, now)
	}
	// The clock check takes up to a few seconds on the network: run it while the person
	// pastes the secret.
	offset := startClockOffset(ctx, c.Offset)
	secret, err := readTOTPSecret(ctx, o, s)
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor totp: %v\n", err)
		return exitUsage
	}
	res, err := totp.Find(secret, o.code, now())
	if err != nil {
		fmt.Fprintf(s.Err, "signin-doctor totp: %v\n", err)
		return exitUsage
	}
	off, known := offset()
	v := totp.Decide(res, totp.ClockReading{Offset: off, Known: known}, c.Thresholds)
	if o.json {
		if err := writeTOTPJSON(s.Out, v); err != nil {
			fmt.Fprintf(s.Err, "signin-doctor totp: %v\n", err)
			return exitUsage
		}
	} else {
		writeTOTPText(s.Out, v)
	}
	if res.Match == totp.MatchNow {
		return exitClean
	}
	return exitFindings
}

// readTOTPSecret reads the secret from the QR image named by --qr, or from standard input.
func readTOTPSecret(ctx context.Context, o totpOptions, s streams) (totp.Secret, error) {
	if o.qr != "" {
		return totp.ReadQR(o.qr)
	}
	text, err := readSecretInput(ctx, s)
	if err != nil {
		return totp.Secret{}, err
	}
	if strings.TrimSpace(text) == "" {
		return totp.Secret{}, errors.New("no secret on standard input: paste the secret (base32 or an otpauth:// URI) or pipe it in")
	}
	return totp.Parse(text)
}

// maxSecretInput bounds what is read from standard input: a URI is a few hundred bytes.
const maxSecretInput = 64 << 10

// readSecretInput reads the secret from standard input: from a terminal without echo, else
// all of it. It gives up when ctx ends (Ctrl-C), leaving the terminal as it found it.
func readSecretInput(ctx context.Context, s streams) (string, error) {
	type read struct {
		text string
		err  error
	}
	done := make(chan read, 1)
	restore := func() {}
	f, isFile := s.In.(*os.File)
	terminal := isFile && term.IsTerminal(int(f.Fd()))
	if terminal {
		fd := int(f.Fd())
		if state, err := term.GetState(fd); err == nil {
			restore = func() { _ = term.Restore(fd, state) }
		}
		fmt.Fprint(s.Err, "Secret (base32 letters or an otpauth:// URI; not shown as you type): ")
		go func() {
			b, err := term.ReadPassword(fd)
			done <- read{string(b), err}
			clear(b)
		}()
	} else {
		go func() {
			b, err := io.ReadAll(io.LimitReader(s.In, maxSecretInput+1))
			done <- read{string(b), err}
			clear(b)
		}()
	}
	select {
	case r := <-done:
		if terminal {
			fmt.Fprintln(s.Err)
		}
		if r.err != nil {
			return "", fmt.Errorf("reading the secret from standard input: %w", r.err)
		}
		if len(r.text) > maxSecretInput {
			return "", fmt.Errorf("standard input holds more than %d KB: not a secret", maxSecretInput>>10)
		}
		return r.text, nil
	case <-ctx.Done():
		restore()
		return "", errors.New("interrupted before the secret was read")
	}
}

// startClockOffset runs clockOffset in the background; the returned function waits for it.
func startClockOffset(ctx context.Context, clockOffset func(context.Context) (time.Duration, bool)) func() (time.Duration, bool) {
	if clockOffset == nil {
		return func() (time.Duration, bool) { return 0, false }
	}
	type answer struct {
		offset time.Duration
		known  bool
	}
	done := make(chan answer, 1)
	go func() {
		o, ok := clockOffset(ctx)
		done <- answer{o, ok}
	}()
	return func() (time.Duration, bool) {
		a := <-done
		return a.offset, a.known
	}
}

// totpJSON is the --json output (docs/DESIGN.md). Steps and offset_seconds are null when no step
// matched; the clock fields are left out when the clock check could not tell.
type totpJSON struct {
	SchemaVersion int    `json:"schema_version"`
	Match         string `json:"match"`
	Steps         *int   `json:"steps"`
	OffsetSeconds *int64 `json:"offset_seconds"`
	Period        int64  `json:"period"`
	WindowSteps   int    `json:"window_steps"`
	ClockOffsetMS *int64 `json:"clock_offset_ms,omitempty"`
	PhoneOffsetMS *int64 `json:"phone_offset_ms,omitempty"`
}

func writeTOTPJSON(w io.Writer, v totp.Verdict) error { return encodeTOTPJSON(w, totpFields(v)) }

// totpFields are the --json fields of a verdict, which --calibrate adds to.
func totpFields(v totp.Verdict) totpJSON {
	res := v.Result
	out := totpJSON{SchemaVersion: 1, Match: string(res.Match), Period: int64(res.Period / time.Second), WindowSteps: res.WindowSteps}
	if res.Match != totp.MatchNone {
		steps, secs := res.Steps, int64(res.Offset/time.Second)
		out.Steps, out.OffsetSeconds = &steps, &secs
	}
	if v.Clock.Known {
		c := v.Clock.Offset.Milliseconds()
		out.ClockOffsetMS = &c
		if res.Match != totp.MatchNone {
			p := v.PhoneOffset.Milliseconds()
			out.PhoneOffsetMS = &p
		}
	}
	return out
}

// encodeTOTPJSON prints v as the totp command's JSON: indented, one document.
func encodeTOTPJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeTOTPText prints the verdict's mark and where the code was found, then which clock is
// off when the true time is known.
func writeTOTPText(w io.Writer, v totp.Verdict) {
	res := v.Result
	fmt.Fprintf(w, "%s %s.\n", v.Status.Mark(), capitalize(codeSentence(res)))
	fmt.Fprintf(w, "  searched %d steps of %v either side of this computer's time\n", res.WindowSteps, res.Period)
	if v.Clock.Known {
		fmt.Fprintf(w, "  this computer's clock: %+.1f s from true time (positive: behind)\n", v.Clock.Offset.Seconds())
	}
	fmt.Fprintf(w, "  %s.\n", capitalize(verdictSentence(v)))
}

func capitalize(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}
