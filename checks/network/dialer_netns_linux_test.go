package network

import (
	"context"
	"net"
	"testing"

	"github.com/signin-doctor/signin-doctor/internal/peer"
)

// A check that connectivity stops mid-lookup (offline) must not leave the query behind: the Go
// resolver's read would otherwise wait out resolv.conf's timeout after the check returned.
func TestDialerLeavesNoLookupBehindWhenCancelled(t *testing.T) {
	ns := peer.NewNetns(t, "lookup")
	ns.Run(t, func(t *testing.T) {
		noLeaks(t)
		// The namespace's resolver: it hears every query and answers none.
		server, err := net.ListenPacket("udp", "127.0.0.1:53")
		if err != nil {
			t.Fatalf("a name server in the namespace: %v", err)
		}
		asked, stopped := make(chan struct{}, 1), make(chan struct{})
		go func() {
			defer close(stopped)
			buf := make([]byte, 512)
			for {
				if _, _, err := server.ReadFrom(buf); err != nil {
					return
				}
				select {
				case asked <- struct{}{}:
				default:
				}
			}
		}()
		t.Cleanup(func() { server.Close(); <-stopped })

		ctx, cancel := context.WithCancel(t.Context())
		dialed := make(chan error, 1)
		go func() {
			conn, err := NewDialer().DialContext(ctx, "tcp", "sign-in.test:443")
			if err == nil {
				conn.Close()
			}
			dialed <- err
		}()
		<-asked
		cancel()
		if err := <-dialed; err == nil {
			t.Fatal("dialled a name no server answered for")
		}
	})
}
