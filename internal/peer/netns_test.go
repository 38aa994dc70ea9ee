package peer

import (
	"context"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// dialIn dials addr from inside the namespace with a short deadline.
func dialIn(addr string) error {
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	c, err := (&net.Dialer{}).DialContext(ctx, "tcp", addr)
	if err == nil {
		c.Close()
	}
	return err
}

func timedOut(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func readProc(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestNetnsLayouts(t *testing.T) {
	tests := []struct {
		name  string
		opts  []NetnsOption
		check func(t *testing.T)
	}{
		{"given only loopback then the gateway is unreachable at once", nil, func(t *testing.T) {
			if err := dialIn(GatewayAddr + ":80"); !errors.Is(err, syscall.ENETUNREACH) {
				t.Fatalf("dial gateway: %v, want network unreachable", err)
			}
		}},
		{"given a LAN then the default route leaves by the veth and the gateway answers", []NetnsOption{LAN()}, func(t *testing.T) {
			if r := readProc(t, "/proc/net/route"); !strings.Contains(r, LANDevice+"\t00000000\t0100C80A") {
				t.Fatalf("no default route via %s in\n%s", GatewayAddr, r)
			}
			if err := dialIn(GatewayAddr + ":80"); !errors.Is(err, syscall.ECONNREFUSED) {
				t.Fatalf("dial gateway: %v, want refused (the gateway answers, nothing listens)", err)
			}
		}},
		{"given a tunnel with the default route then tun0 carries it", []NetnsOption{LAN(), Tunnel(DefaultRoutes...)}, func(t *testing.T) {
			if r := readProc(t, "/proc/net/route"); !strings.Contains(r, TunDevice+"\t00000000\t00000000") {
				t.Fatalf("no default route via %s in\n%s", TunDevice, r)
			}
			if r := readProc(t, "/proc/net/ipv6_route"); !strings.Contains(r, "00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 00000032 00000001 00000000 00000001     tun0") {
				t.Fatalf("no IPv6 default route via %s in\n%s", TunDevice, r)
			}
		}},
		{"given a tunnel with both halves then tun0 carries 0/1 and 128/1", []NetnsOption{Tunnel(HalfRoutes...)}, func(t *testing.T) {
			r := readProc(t, "/proc/net/route")
			for _, want := range []string{"tun0\t00000000\t00000000\t0001\t0\t0\t50\t00000080", "tun0\t00000080\t00000000\t0001\t0\t0\t50\t00000080"} {
				if !strings.Contains(r, want) {
					t.Fatalf("no %q in\n%s", want, r)
				}
			}
		}},
		{"given every packet dropped then a dial to the gateway times out", []NetnsOption{LAN(), DropAll()}, func(t *testing.T) {
			if err := dialIn(GatewayAddr + ":80"); !timedOut(err) {
				t.Fatalf("dial gateway: %v, want a timeout", err)
			}
		}},
		{"given a dropped port then it times out and the next port is refused", []NetnsOption{DropTCP(9993)}, func(t *testing.T) {
			if err := dialIn("127.0.0.1:9993"); !timedOut(err) {
				t.Fatalf("dial dropped port: %v, want a timeout", err)
			}
			if err := dialIn("127.0.0.1:9994"); !errors.Is(err, syscall.ECONNREFUSED) {
				t.Fatalf("dial open port: %v, want refused", err)
			}
		}},
		{"given the default resolver then a lookup fails without leaving the namespace", nil, func(t *testing.T) {
			if r := readProc(t, "/etc/resolv.conf"); !strings.Contains(r, "nameserver 127.0.0.1\n") {
				t.Fatalf("resolv.conf inside the namespace:\n%s", r)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			if _, err := net.DefaultResolver.LookupHost(ctx, "accounts.example.invalid"); err == nil {
				t.Fatal("lookup succeeded")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ns := NewNetns(t, "layout", tt.opts...)
			ns.Run(t, tt.check)
		})
	}
}

func TestNetnsRemovedAfterTest(t *testing.T) {
	if InNetns() {
		return
	}
	var name, gw string
	t.Run("given a namespace with a LAN and a tunnel", func(t *testing.T) {
		ns := NewNetns(t, "gone", LAN(), Tunnel(), DropAll())
		name, gw = ns.Name, ns.Gateway
		if !strings.HasPrefix(name, "sd-gone-"+pidString()+"-") {
			t.Errorf("name %q, want sd-gone-<pid>-<n>", name)
		}
	})
	for _, n := range []string{name, gw} {
		if n == "" {
			t.Fatal("the subtest made no namespace")
		}
		if _, err := os.Stat(filepath.Join("/run/netns", n)); !os.IsNotExist(err) {
			t.Errorf("namespace %s left behind (%v)", n, err)
		}
	}
	if _, err := os.Stat(filepath.Join("/etc/netns", name)); !os.IsNotExist(err) {
		t.Errorf("/etc/netns/%s left behind (%v)", name, err)
	}
}

// TestNetnsFailingFixture fails inside a namespace; it runs only when
// TestNetnsRunReportsChildFailure starts it.
func TestNetnsFailingFixture(t *testing.T) {
	if os.Getenv("PEER_NETNS_FIXTURE") == "" {
		t.Skip("a fixture for TestNetnsRunReportsChildFailure")
	}
	ns := NewNetns(t, "fail")
	ns.Run(t, func(t *testing.T) { t.Error("failing on purpose inside the namespace") })
}

func TestNetnsRunReportsChildFailure(t *testing.T) {
	if InNetns() {
		return
	}
	Root(t)
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(t.Context(), bin, "-test.run=^TestNetnsFailingFixture$", "-test.v=true")
	cmd.Env = append(os.Environ(), "PEER_NETNS_FIXTURE=1")
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the fixture passed, want its failure inside the namespace to fail it:\n%s", out)
	}
	if !strings.Contains(string(out), "failing on purpose inside the namespace") {
		t.Fatalf("the child's message is missing:\n%s", out)
	}
}
