package browsers

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows/registry"
)

// defaultSource reads the Windows registry.
func defaultSource() Source {
	return registrySource{reg: windowsRegistry{}}
}

// windowsRegistry is the real registryReader, always in the 64-bit view so that a 32-bit
// build sees the same keys; WOW6432Node is read by name.
type windowsRegistry struct{}

func (windowsRegistry) open(root regRoot, path string) (registry.Key, error) {
	base := registry.CURRENT_USER
	if root == hklm {
		base = registry.LOCAL_MACHINE
	}
	k, err := registry.OpenKey(base, path, registry.READ|registry.WOW64_64KEY)
	if errors.Is(err, registry.ErrNotExist) {
		return 0, fmt.Errorf(`%s\%s: %w`, root, path, errNotFound)
	}
	if err != nil {
		return 0, fmt.Errorf(`opening %s\%s: %w`, root, path, err)
	}
	return k, nil
}

// SubKeys implements registryReader.
func (r windowsRegistry) SubKeys(root regRoot, path string) ([]string, error) {
	k, err := r.open(root, path)
	if err != nil {
		return nil, err
	}
	defer k.Close()
	names, err := k.ReadSubKeyNames(-1)
	if err != nil {
		return nil, fmt.Errorf(`listing %s\%s: %w`, root, path, err)
	}
	return names, nil
}

// String implements registryReader. REG_EXPAND_SZ values are expanded, as the shell does
// before running a command.
func (r windowsRegistry) String(root regRoot, path, name string) (string, error) {
	k, err := r.open(root, path)
	if err != nil {
		return "", err
	}
	defer k.Close()
	v, typ, err := k.GetStringValue(name)
	if errors.Is(err, registry.ErrNotExist) {
		return "", fmt.Errorf(`%s\%s %q: %w`, root, path, name, errNotFound)
	}
	if err != nil {
		return "", fmt.Errorf(`reading %s\%s %q: %w`, root, path, name, err)
	}
	if typ == registry.EXPAND_SZ {
		if x, err := registry.ExpandString(v); err == nil {
			v = x
		}
	}
	return v, nil
}
