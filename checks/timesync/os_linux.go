package timesync

import "context"

func probe(ctx context.Context, o Options) (state, error) { return linuxState(ctx, o.Run) }

func systemRegistry() Registry { return nil }
