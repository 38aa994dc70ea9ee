//go:build !linux && !darwin && !windows

package timesync

import "context"

// probe on other systems (the BSDs) asks chrony and ntpd, which they may run.
func probe(ctx context.Context, o Options) (state, error) { return daemonState(ctx, o.Run) }

func systemRegistry() Registry { return nil }
