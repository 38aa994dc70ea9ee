package timesync

import "context"

func probe(ctx context.Context, o Options) (state, error) {
	return darwinState(ctx, o.Run, o.ReadFile)
}

func systemRegistry() Registry { return nil }
