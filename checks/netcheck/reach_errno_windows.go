package netcheck

import "golang.org/x/sys/windows"

// unreachableErrnos are the socket errors that mean no route led to the host.
var unreachableErrnos = []error{windows.WSAENETUNREACH, windows.WSAEHOSTUNREACH}
