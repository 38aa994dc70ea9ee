package peer

import (
	"net"
	"os/exec"
	"testing"
	"time"
)

// NXDomainResolver starts dnsmasq on 127.0.0.1:53 answering "no such host" (NXDOMAIN) for
// every name, as a filtering or broken resolver does, and stops it when the test ends. It must
// run inside a namespace (in Netns.Run), whose resolv.conf names 127.0.0.1 by default: port 53
// of this machine's own loopback is not the test's to take.
func NXDomainResolver(t testing.TB) {
	t.Helper()
	startResolver(t, "--address=/#/") // an address clause with no address: NXDOMAIN for every name
}

// AnsweringResolver starts dnsmasq on 127.0.0.1:53 as NXDomainResolver does, except that each domain of
// answers (and every name under it) resolves to its IPv4 address: an office resolver, or one
// that stands in for a service's hosts.
func AnsweringResolver(t testing.TB, answers map[string]string) {
	t.Helper()
	args := []string{"--address=/#/"}
	for domain, addr := range answers {
		args = append(args, "--address=/"+domain+"/"+addr)
	}
	startResolver(t, args...)
}

func startResolver(t testing.TB, addresses ...string) {
	t.Helper()
	bin := Program(t, "dnsmasq")
	cmd := exec.Command(bin, append([]string{"--keep-in-foreground", "--no-resolv", "--no-hosts", "--conf-file=/dev/null",
		"--listen-address=127.0.0.1", "--bind-interfaces", "--port=53", "--pid-file=", "--user=root"}, addresses...)...)
	_, exited := start(t, "dnsmasq", cmd)
	t.Cleanup(func() { stop(cmd, exited) })
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.Dial("tcp", "127.0.0.1:53") // dnsmasq answers DNS over TCP too
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("dnsmasq did not listen on 127.0.0.1:53: %v", err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
