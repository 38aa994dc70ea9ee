package totptest

import (
	"net/url"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// Phone plays an authenticator app that scanned an otpauth:// URI: oathtool makes the code it
// shows, by the phone's clock, Shift from this computer's. The key goes to oathtool on its
// standard input, never on its command line.
type Phone struct {
	t     testing.TB
	bin   string
	key   string
	Shift time.Duration // the phone's clock minus this computer's
}

// NewPhone scans uri (SHA1, 6 digits, 30 s, as the calibration key is) into a phone whose clock
// is shift from this computer's. It needs oathtool (peer.Program).
func NewPhone(t testing.TB, uri string, shift time.Duration) Phone {
	t.Helper()
	u, err := url.Parse(uri)
	if err != nil || u.Query().Get("secret") == "" {
		t.Fatalf("the phone cannot read the URI (%v)", err)
	}
	return Phone{t: t, bin: peer.Program(t, "oathtool"), key: u.Query().Get("secret"), Shift: shift}
}

// Shows is the code on the phone at this computer's time at.
func (p Phone) Shows(at time.Time) string {
	p.t.Helper()
	cmd := exec.Command(p.bin, "--totp", "--base32", "--digits=6", "--time-step-size=30s",
		"--now=@"+strconv.FormatInt(at.Add(p.Shift).Unix(), 10), "-")
	cmd.Stdin = strings.NewReader(p.key + "\n")
	out, err := cmd.CombinedOutput()
	if err != nil {
		p.t.Fatalf("oathtool: %v: %s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// NextChange is this computer's time at which the phone next shows a new code after at.
func (p Phone) NextChange(at time.Time) time.Time {
	phone := at.Add(p.Shift).Unix()
	return time.Unix((phone/30+1)*30, 0).Add(-p.Shift)
}

// ReadDelay is how long the tests' person takes from reading a code to pressing Enter.
const ReadDelay = 3 * time.Second

// Base is a step boundary of this computer's clock, for the tests' readings.
var Base = time.Unix(1_800_000_000, 0)

// Typed is a code the person typed, and this computer's time when they pressed Enter.
type Typed struct {
	Code string
	At   time.Time
}

// TypesTwoCodes is what a person types from the phone, as the calibration asks: the code it
// shows, pressing Enter at first, then the next one as soon as it appears.
func (p Phone) TypesTwoCodes(first time.Time) [2]Typed {
	p.t.Helper()
	read := first.Add(-ReadDelay)
	next := p.NextChange(read).Add(time.Second)
	return [2]Typed{{p.Shows(read), first}, {p.Shows(next), next.Add(ReadDelay)}}
}

// StepsAhead is how many steps the phone was ahead of this computer for a code typed as
// TypesTwoCodes types it, read ReadDelay before Enter.
func (p Phone) StepsAhead(t Typed) int {
	return int(t.At.Add(-ReadDelay).Add(p.Shift).Unix()/30 - t.At.Unix()/30)
}
