package timesync

import (
	"context"
	"fmt"

	"golang.org/x/sys/windows/registry"
)

func probe(ctx context.Context, o Options) (state, error) {
	return windowsState(ctx, o.Run, o.Registry)
}

func systemRegistry() Registry { return localMachine{} }

// localMachine reads HKEY_LOCAL_MACHINE.
type localMachine struct{}

func (localMachine) String(path, name string) (string, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE)
	if err != nil {
		return "", fmt.Errorf(`opening HKLM\%s: %w`, path, err)
	}
	defer k.Close()
	v, _, err := k.GetStringValue(name)
	if err != nil {
		return "", fmt.Errorf(`reading HKLM\%s\%s: %w`, path, name, err)
	}
	return v, nil
}

func (localMachine) Integer(path, name string) (uint64, error) {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE)
	if err != nil {
		return 0, fmt.Errorf(`opening HKLM\%s: %w`, path, err)
	}
	defer k.Close()
	v, _, err := k.GetIntegerValue(name)
	if err != nil {
		return 0, fmt.Errorf(`reading HKLM\%s\%s: %w`, path, name, err)
	}
	return v, nil
}
