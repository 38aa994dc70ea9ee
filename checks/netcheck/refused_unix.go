//go:build !windows

package netcheck

import "syscall"

// refusedErrnos are the socket errors that mean a host answered the connection, with a reset.
var refusedErrnos = []error{syscall.ECONNREFUSED, syscall.ECONNRESET}
