//go:build !windows

package netcheck

import "syscall"

// unreachableErrnos are the socket errors that mean no route led to the host.
var unreachableErrnos = []error{syscall.ENETUNREACH, syscall.EHOSTUNREACH, syscall.ENETDOWN}

// noFamilyErrnos are the socket errors that mean this computer has no address (or no stack)
// in the target's family, as on a network without IPv6: no route in that family.
var noFamilyErrnos = []error{syscall.EADDRNOTAVAIL, syscall.EAFNOSUPPORT}
