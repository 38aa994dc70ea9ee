package clock

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/beevik/ntp"

	"github.com/signin-doctor/signin-doctor/checks/network"
)

// ServerOutcome is what one time source did in a run; the details' "servers" list holds one
// per configured NTP server, and one for the HTTPS fallback when it was tried.
type ServerOutcome struct {
	Server   string   `json:"server"`
	Method   string   `json:"method"`  // MethodNTP or MethodHTTPSDate
	Outcome  string   `json:"outcome"` // one of the Outcome constants
	Error    string   `json:"error,omitempty"`
	KissCode string   `json:"kiss_code,omitempty"` // a kiss-of-death's code: RATE, DENY, RSTR …
	Stratum  int      `json:"stratum,omitempty"`
	OffsetMS *float64 `json:"offset_ms,omitempty"`
	ErrorMS  *float64 `json:"error_ms,omitempty"`
	RTTMS    *float64 `json:"rtt_ms,omitempty"`
	// Note says what else the source showed: for https-date, a certificate that is valid by
	// the host's clock and not by this computer's, which is evidence about this clock.
	Note string `json:"note,omitempty"`
}

// Methods, as the details' "method" names them.
const (
	MethodNTP       = "ntp"
	MethodHTTPSDate = "https-date"
)

// Outcomes of one time source.
const (
	OutcomeUsed     = "used"      // its answer is the one the result reports
	OutcomeValid    = "valid"     // a valid answer, but another server's was better
	OutcomeRejected = "rejected"  // it answered, but the answer failed validation
	OutcomeNoAnswer = "no-answer" // no answer in time, refused, or the name did not resolve
	OutcomeSkipped  = "skipped"   // not asked: it sent a kiss-of-death before
)

// queryAll asks every server once, in parallel, each under ctx, and returns the valid answer
// with the smallest root distance (nil when there is none) and every server's outcome.
func (c *Check) queryAll(ctx context.Context, servers []string) (*measurement, []ServerOutcome) {
	outcomes := make([]ServerOutcome, len(servers))
	answers := make([]*ntp.Response, len(servers))
	now := c.opts.Now()
	var wg sync.WaitGroup
	for i, server := range servers {
		if k, quiet := c.kod.quietFor(server, now); quiet {
			outcomes[i] = ServerOutcome{Server: server, Method: MethodNTP, Outcome: OutcomeSkipped,
				KissCode: k.code, Error: "not asked: it sent a kiss-of-death " + k.code + " before"}
			continue
		}
		wg.Go(func() { answers[i], outcomes[i] = c.queryOne(ctx, server) })
	}
	wg.Wait()

	best := -1
	for i, r := range answers {
		if r != nil && (best < 0 || r.RootDistance < answers[best].RootDistance) {
			best = i
		}
	}
	if best < 0 {
		return nil, outcomes
	}
	outcomes[best].Outcome = OutcomeUsed
	r := answers[best]
	return &measurement{Offset: r.ClockOffset, Error: ntpError(r), RTT: r.RTT,
		Server: servers[best], Method: MethodNTP}, outcomes
}

// queryOne asks one server once. It returns the response only when it is valid.
func (c *Check) queryOne(ctx context.Context, server string) (_ *ntp.Response, out ServerOutcome) {
	out = ServerOutcome{Server: server, Method: MethodNTP, Outcome: OutcomeNoAnswer}
	// The ntp package panics on some answers (v1.6.0: a precision or poll byte of 0x80 makes
	// toInterval shift by a negative count). This runs in a goroutine of queryAll, which the
	// engine's recover does not reach, so one datagram would end the whole process. Screening
	// the datagram first is not possible without losing accuracy: the package reads the
	// socket itself, and only a bare *net.UDPConn gets kernel receive timestamps, so the
	// connection cannot be wrapped. Whatever else the package may choke on, this holds.
	defer func() {
		if v := recover(); v != nil {
			out.Outcome = OutcomeRejected
			out.Error = fmt.Sprintf("%s: the NTP package could not read it (%v)", errMalformed, v)
		}
	}()
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(c.opts.NTPWait)
	}
	wait := time.Until(deadline)
	if wait <= 0 || ctx.Err() != nil {
		out.Error = "not asked: the deadline had passed"
		return nil, out
	}
	r, err := queryUnder(ctx, c.opts.DialNTP, server, wait)
	if err != nil {
		if answeredBadly(err) {
			out.Outcome = OutcomeRejected
		}
		if ctx.Err() != nil && out.Outcome == OutcomeNoAnswer {
			err = fmt.Errorf("no answer before the deadline: %w", ctx.Err())
		}
		out.Error = err.Error()
		return nil, out
	}
	out.Stratum = int(r.Stratum)
	out.OffsetMS, out.ErrorMS, out.RTTMS = msPtr(r.ClockOffset), msPtr(ntpError(r)), msPtr(r.RTT)
	if reason := c.reject(server, r); reason != nil {
		out.Outcome, out.Error = OutcomeRejected, reason.Error()
		if r.IsKissOfDeath() {
			out.KissCode = r.KissCode
		}
		return nil, out
	}
	out.Outcome = OutcomeValid
	return r, out
}

// queryUnder asks server once, with the ntp package's own timeout wait, over a socket dial
// makes. The package has no context: dial resolves the name under ctx and the socket is
// closed when ctx ends, so a cancelled run never waits for the package's own timeout.
func queryUnder(ctx context.Context, dial network.DialFunc, server string, wait time.Duration) (*ntp.Response, error) {
	var stop func() bool
	defer func() {
		if stop != nil {
			stop()
		}
	}()
	dialUDP := func(_, remote string) (net.Conn, error) {
		conn, err := dial(ctx, "udp", remote)
		if err != nil {
			return nil, err
		}
		stop = context.AfterFunc(ctx, func() { _ = conn.Close() })
		return conn, nil
	}
	return ntp.QueryWithOptions(server, ntp.QueryOptions{Timeout: wait, Dialer: dialUDP})
}

// errMalformed names an answer the ntp package failed on rather than rejected.
var errMalformed = errors.New("malformed answer")

// reject returns why a response cannot be used, or nil. It remembers a kiss-of-death.
func (c *Check) reject(server string, r *ntp.Response) error {
	// We ask NTPv4, and a server answers in the version asked (NTPv3 servers in theirs). The
	// ntp package judges an answer by the version it claims: one claiming NTPv5 to a v4 query
	// escapes the leap-indicator check, so "not synchronised" would pass as good time.
	if r.Version != 3 && r.Version != 4 {
		return fmt.Errorf("answered as NTPv%d to an NTPv4 query", r.Version)
	}
	if err := r.Validate(); err != nil {
		if r.IsKissOfDeath() {
			c.kod.remember(server, r.KissCode, c.opts.Now(), c.opts.RateBackoff)
			return fmt.Errorf("%w %s", err, r.KissCode)
		}
		return err
	}
	if r.RootDistance > c.opts.MaxRootDistance {
		return fmt.Errorf("root distance %v is larger than %v", r.RootDistance, c.opts.MaxRootDistance)
	}
	// The precision is part of the error bound. A positive exponent (a clock that ticks once
	// in seconds or more) is nonsense, and past 2^33 s the package's shift overflows, even to
	// a negative duration: a bound that would claim impossible accuracy.
	if r.Precision < 0 || r.Precision > c.opts.MaxRootDistance {
		return fmt.Errorf("precision %v is out of range", r.Precision)
	}
	return nil
}

// answeredBadly reports whether a query error means a datagram came back that was not a
// usable NTP answer, as opposed to no answer at all.
func answeredBadly(err error) bool {
	for _, e := range []error{ntp.ErrInvalidMode, ntp.ErrInvalidTime, ntp.ErrInvalidTransmitTime,
		ntp.ErrServerResponseMismatch, ntp.ErrServerTickedBackwards, ntp.ErrAuthFailed, ntp.ErrAuthNAK} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

// ntpError bounds an NTP offset: half the round trip plus the server's own distance to its
// reference (the root distance holds both), plus the server clock's precision.
func ntpError(r *ntp.Response) time.Duration {
	return r.RootDistance + r.Precision
}

// distinct returns servers without blanks and repeats, so no server is asked twice in a run.
func distinct(servers []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range servers {
		s = strings.TrimSpace(s)
		key := strings.ToLower(s)
		if s == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, s)
	}
	return out
}

// quietFor reports whether server must not be asked at now, and the kiss that says so.
func (m *kissMemory) quietFor(server string, now time.Time) (kiss, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	k, ok := m.quiet[strings.ToLower(server)]
	if !ok {
		return kiss{}, false
	}
	if !k.until.IsZero() && !now.Before(k.until) {
		delete(m.quiet, strings.ToLower(server))
		return kiss{}, false
	}
	return k, true
}

// remember notes a kiss-of-death: RATE quiets the server for backoff, DENY and RSTR for good
// (RFC 5905 section 7.4). Other codes are transient and not remembered.
func (m *kissMemory) remember(server, code string, now time.Time, backoff time.Duration) {
	var k kiss
	switch code {
	case "RATE":
		k = kiss{code: code, until: now.Add(backoff)}
	case "DENY", "RSTR":
		k = kiss{code: code}
	default:
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.quiet[strings.ToLower(server)] = k
}

// ms is d in milliseconds, to the microsecond.
func ms(d time.Duration) float64 {
	return float64(d.Microseconds()) / 1000
}

func msPtr(d time.Duration) *float64 {
	v := ms(d)
	return &v
}
