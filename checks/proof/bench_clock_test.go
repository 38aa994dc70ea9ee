package proof

import (
	"context"
	"fmt"
	"net"
	"os/exec"
	"os/user"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/signin-doctor/signin-doctor/checks/clock"
	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// knownOffset is what the chronyd peer's clock is ahead of this machine's. faketime adds it to
// every clock reading chronyd makes, so it is exact: the truth both measurements are held to.
const knownOffset = 95*time.Second + 250*time.Millisecond

// chronyWrong is chronyd -Q's report: "System clock wrong by 95.250026 seconds (ignored)",
// positive when this machine's clock is behind the server's, as the check's offset_ms.
var chronyWrong = regexp.MustCompile(`System clock wrong by (-?[0-9.]+) seconds`)

// BenchmarkClockErrorVsChrony measures the chronyd peer's offset with the clock check and with
// chronyd's own one-shot client (chronyd -Q), taking turns, and compares their errors from
// the known offset. It also counts the check's measurements that fall outside its own bound.
func BenchmarkClockErrorVsChrony(b *testing.B) {
	srv := peer.Chrony(b, knownOffset)
	chronyd := peer.Program(b, "chronyd")
	host, portText, err := net.SplitHostPort(srv.Addr)
	port, perr := strconv.Atoi(portText)
	me, uerr := user.Current()
	if err != nil || perr != nil || uerr != nil {
		b.Fatal(err, perr, uerr)
	}
	var ours, theirs []time.Duration
	outside := 0
	for b.Loop() {
		c := clock.New(clock.Options{Servers: []string{srv.Addr}})
		ctx, cancel := context.WithTimeout(b.Context(), c.Spec().Timeout)
		r := c.Run(ctx, noPrior{})
		cancel()
		offset, ok1 := r.Details["offset_ms"].(float64)
		bound, ok2 := r.Details["error_ms"].(float64)
		if !ok1 || !ok2 {
			b.Fatalf("the clock check measured nothing: %s %s %v", r.Status, r.Summary, r.Details)
		}
		err := (time.Duration(offset*float64(time.Millisecond)) - knownOffset).Abs()
		if err > time.Duration(bound*float64(time.Millisecond)) {
			outside++
		}
		ours = append(ours, err)

		out, cerr := exec.CommandContext(b.Context(), chronyd, "-Q", "-f", "/dev/null", "-u", me.Username,
			fmt.Sprintf("server %s port %d iburst maxsamples 1", host, port)).CombinedOutput()
		m := chronyWrong.FindSubmatch(out)
		if cerr != nil || m == nil {
			b.Fatalf("chronyd -Q: %v\n%s", cerr, out)
		}
		secs, _ := strconv.ParseFloat(string(m[1]), 64)
		theirs = append(theirs, (time.Duration(secs*float64(time.Second)) - knownOffset).Abs())
	}
	b.ReportMetric(float64(median(ours).Microseconds()), "check-err-us")
	b.ReportMetric(float64(median(theirs).Microseconds()), "chrony-err-us")
	b.ReportMetric(float64(median(ours))/float64(max(median(theirs), time.Microsecond)), "ratio")
	b.ReportMetric(float64(outside), "outside-bound")
}
