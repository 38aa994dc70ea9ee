package netcheck

import "golang.org/x/sys/windows"

// refusedErrnos are the socket errors that mean a host answered the connection, with a reset.
var refusedErrnos = []error{windows.WSAECONNREFUSED, windows.WSAECONNRESET}
