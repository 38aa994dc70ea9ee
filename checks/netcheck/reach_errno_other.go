//go:build !windows

package netcheck

import "syscall"

// unreachableErrnos are the socket errors that mean no route led to the host.
var unreachableErrnos = []error{syscall.ENETUNREACH, syscall.EHOSTUNREACH}
