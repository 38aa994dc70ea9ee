package timesync

import (
	"context"
	"strings"
)

func probe(ctx context.Context, o Options) (state, error) {
	st, err := linuxState(ctx, o.Run)
	if st.known && st.enabled && strings.HasPrefix(st.source, "chrony") {
		// chronyc answers alike whether chronyd may set the clock or not.
		if args, perr := chronydArgs(o.Proc); perr == nil && setsNoClock(args) {
			st = state{known: true, enabled: false, source: chronyNoClock}
		}
	}
	return st, err
}

func systemRegistry() Registry { return nil }
