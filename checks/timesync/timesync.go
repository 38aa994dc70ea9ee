package timesync

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/signin-doctor/signin-doctor/checks"
)

// DefaultTimeout bounds the local commands the check runs.
const DefaultTimeout = 3 * time.Second

// Runner runs a program and returns its standard output. A program that runs but exits
// non-zero returns its output and an error; a program that is missing returns an error
// satisfying errors.Is(err, exec.ErrNotFound).
type Runner func(ctx context.Context, name string, args ...string) ([]byte, error)

// Registry reads Windows registry values under HKEY_LOCAL_MACHINE. A missing key or value
// returns an error satisfying errors.Is(err, fs.ErrNotExist), as the registry's
// ERROR_FILE_NOT_FOUND does; any other error (access denied) says nothing about the value.
type Registry interface {
	String(path, name string) (string, error)
	Integer(path, name string) (uint64, error)
}

// Options give the check its view of the system. Nil fields take the real thing.
type Options struct {
	Run      Runner
	ReadFile func(path string) ([]byte, error)
	Registry Registry // Windows only; nil elsewhere means none
	// Proc is Linux's process folder, where chronyd's arguments are read (-x: it does not
	// set the clock); empty means /proc.
	Proc    string
	Timeout time.Duration
}

// Check is the timesync check.
type Check struct {
	opts Options
}

// New returns the timesync check.
func New(opts Options) *Check {
	if opts.Run == nil {
		opts.Run = execRun
	}
	if opts.ReadFile == nil {
		opts.ReadFile = os.ReadFile
	}
	if opts.Proc == "" {
		opts.Proc = "/proc"
	}
	if opts.Registry == nil {
		opts.Registry = systemRegistry()
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	return &Check{opts: opts}
}

// Spec implements checks.Check. It needs nothing: it works offline.
func (c *Check) Spec() checks.Spec {
	return checks.Spec{ID: checks.TimeSync, Timeout: c.opts.Timeout}
}

// Run implements checks.Check.
func (c *Check) Run(ctx context.Context, _ checks.Prior) checks.Result {
	st, err := probe(ctx, c.opts)
	return verdict(st, err)
}

// state is what a probe found. known is false when it could not tell.
type state struct {
	known        bool
	enabled      bool
	source       string
	synchronized *bool
}

// errCannotTell is returned by a probe that found nothing to ask.
var errCannotTell = errors.New("no time synchronisation service could be asked")

// Data is what the timesync check found: its result's Data, whose JSON form is the details
// the package doc lists.
type Data struct {
	// Enabled is whether the OS keeps its clock synchronised; nil when it could not tell.
	Enabled      *bool  `json:"enabled,omitempty"`
	Source       string `json:"source,omitempty"` // what synchronises the clock, or would
	Synchronized *bool  `json:"synchronized,omitempty"`
	Error        string `json:"error,omitempty"`
}

// From returns the timesync check's data; ok is false when the result holds none.
func From(r checks.Result) (Data, bool) {
	return checks.PayloadOf[Data](r)
}

// verdict turns a probe's state into the check's result.
func verdict(st state, err error) checks.Result {
	data := &Data{Source: st.source, Synchronized: st.synchronized}
	if err != nil {
		data.Error = err.Error() // with a verdict, a secondary probe failed; the verdict stands
	}
	if !st.known {
		if err == nil {
			data.Error = errCannotTell.Error()
		}
		data.Synchronized = nil
		return checks.Finish(checks.Unknown, "cannot tell whether the clock is synchronised automatically", data)
	}
	enabled := st.enabled
	data.Enabled = &enabled
	if !st.enabled {
		return checks.Finish(checks.Warn, fmt.Sprintf("automatic time synchronisation is off (%s)", st.source), data,
			checks.Finding{ID: checks.FindingTimeSyncOff, Severity: checks.Warn, Params: map[string]string{"source": st.source}})
	}
	summary := fmt.Sprintf("clock synchronised automatically by %s", st.source)
	if st.synchronized != nil && !*st.synchronized {
		summary = fmt.Sprintf("automatic time synchronisation is on (%s) but not yet synchronised", st.source)
	}
	return checks.Finish(checks.OK, summary, data)
}

// execRun runs a program under ctx with a plain C locale where the OS honours one, so output
// is in the words the parsers know.
func execRun(ctx context.Context, name string, args ...string) ([]byte, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = append(os.Environ(), "LC_ALL=C", "LANG=C")
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) && len(exit.Stderr) > 0 {
			return out, fmt.Errorf("%s: %w: %s", name, err, strings.TrimSpace(string(exit.Stderr)))
		}
		return out, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

func yes(b bool) *bool { return &b }
