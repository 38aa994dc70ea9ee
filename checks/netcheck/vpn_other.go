//go:build !linux && !windows && !darwin

package netcheck

import (
	"context"
	"errors"
	"runtime"
)

// readNetTable is not written for this OS: the vpn check reports unknown.
func readNetTable(context.Context) (netTable, error) {
	return netTable{}, errors.New("reading the routing table is not supported on " + runtime.GOOS)
}
