package checkstest

import (
	"errors"
	"net"
	"os"
	"syscall"
)

// UnexpectedError is an error no check may turn into a verdict, and the name of its row.
type UnexpectedError struct {
	Name string
	Err  error
}

// DialError is a socket call's errno as the standard library returns it from a dial: inside an
// *os.SyscallError inside a *net.OpError.
func DialError(call string, errno syscall.Errno) error {
	return &net.OpError{Op: "dial", Net: "udp", Err: os.NewSyscallError(call, errno)}
}

// UnexpectedErrors are the errors a dial, a resolver or a reader may give that no check
// recognises: the WSAEOPNOTSUPP every UDP socket gets under Wine 8 (Go sets
// SIO_UDP_CONNRESET on it), an unsupported socket option, a permission error (a firewall's
// EPERM, a sandbox's EACCES), an errno nobody expects, and an error with no errno at all.
// A check given one says unknown, with the raw error in its details: never ok, warn, fail or
// offline.
func UnexpectedErrors() []UnexpectedError {
	return []UnexpectedError{
		{"WSAEOPNOTSUPP from wsaioctl (Wine)", DialError("wsaioctl", syscall.Errno(10045))},
		{"ENOPROTOOPT from setsockopt", DialError("setsockopt", syscall.ENOPROTOOPT)},
		{"EPERM from connect (a firewall rule)", DialError("connect", syscall.EPERM)},
		{"EACCES from socket (a sandbox)", DialError("socket", syscall.EACCES)},
		{"an odd errno", DialError("connect", syscall.Errno(4242))},
		{"a plain error", errors.New("something the code has never seen")},
	}
}

// AccessDenied is Windows' ERROR_ACCESS_DENIED (windows.ERROR_ACCESS_DENIED is Errno(5)), as
// a registry read fails where a policy or the key's ACL keeps the user out. The number is
// Windows', whatever OS the test runs on.
const AccessDenied = syscall.Errno(5)
