package network

import (
	"context"
	"net"
)

// DialFunc dials as net.Dialer's DialContext does. A check that dials takes one in its options
// (nil: NewDialer's), the seam through which tests give it the errors no peer on loopback makes
// (an unsupported socket option, a permission error, an errno nobody expects).
type DialFunc = func(ctx context.Context, network, address string) (net.Conn, error)

// DialOr returns dial, or NewDialer's DialContext when dial is nil.
func DialOr(dial DialFunc) DialFunc {
	if dial != nil {
		return dial
	}
	return NewDialer().DialContext
}

// NewDialer returns the dialer of the network checks (clock's too): the system's, except that
// a name lookup stops when its dial is cancelled. The Go resolver cancels a lookup nobody else
// waits for, but its read of the answer watches only the resolver's own deadline (seconds:
// resolv.conf's timeout times its attempts), so a check that connectivity stopped mid-lookup
// (offline) would leave the query running long after the check returned. Where the system's
// resolver is not Go's (Windows, macOS), lookups go to it unchanged.
func NewDialer() *net.Dialer {
	return &net.Dialer{Resolver: &net.Resolver{Dial: dialNameServer}}
}

// dialNameServer connects to a name server as the Go resolver does, and closes the socket once
// the query's context ends: closing is the one way to end a read the deadline has not yet.
// The resolver cancels that context when the query ends, so the close never outlives it.
func dialNameServer(ctx context.Context, network, address string) (net.Conn, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, network, address)
	if err != nil {
		return nil, err
	}
	context.AfterFunc(ctx, func() { _ = conn.Close() })
	return conn, nil
}
