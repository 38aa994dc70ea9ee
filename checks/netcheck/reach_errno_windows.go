package netcheck

import "golang.org/x/sys/windows"

// unreachableErrnos are the socket errors that mean no route led to the host.
var unreachableErrnos = []error{windows.WSAENETUNREACH, windows.WSAEHOSTUNREACH, windows.WSAENETDOWN}

// noFamilyErrnos are the socket errors that mean this computer has no address (or no stack)
// in the target's family, as on a network without IPv6: no route in that family.
var noFamilyErrnos = []error{windows.WSAEADDRNOTAVAIL, windows.WSAEAFNOSUPPORT}
