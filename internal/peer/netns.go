package peer

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// Addresses inside every namespace NewNetns makes. Each namespace is its own network, so tests
// running at the same time may all use them.
const (
	LANDevice    = "eth0"        // the namespace's end of the LAN's veth pair
	LANAddr      = "10.200.0.2"  // the namespace's address on the LAN (/24)
	GatewayAddr  = "10.200.0.1"  // the gateway's address, in the LAN's second namespace
	LANAddr6     = "fd00:200::2" // the namespace's IPv6 address on the LAN (/64)
	GatewayAddr6 = "fd00:200::1"
	TunDevice    = "tun0"     // the tunnel device of Tunnel
	TunAddr      = "10.8.0.2" // the tunnel's address (/24)
	TunAddr6     = "fd00:8::2"
)

// Route prefixes for Tunnel: what a full-tunnel VPN installs.
var (
	DefaultRoutes = []string{"0.0.0.0/0", "::/0"}
	HalfRoutes    = []string{"0.0.0.0/1", "128.0.0.0/1", "::/1", "8000::/1"}
)

// Env markers of a test binary that NetnsRun started inside a namespace.
const (
	netnsEnv     = "SIGNIN_DOCTOR_NETNS"      // the namespace the process runs in
	netnsTestEnv = "SIGNIN_DOCTOR_NETNS_TEST" // the one test that runs there
	netnsRanMark = "peer: ran inside network namespace"
)

// Netns is a network namespace made for one test: only loopback unless options add a LAN, a
// tunnel or drop rules. Nothing in it routes beyond this machine: the LAN's gateway is a second
// namespace with no route onward and forwarding off.
type Netns struct {
	Name    string // for `ip netns exec`
	Gateway string // the LAN's gateway namespace; empty without LAN
	child   bool   // this process already runs inside the namespace (see Run)
}

// NetnsOption adds something to a namespace.
type NetnsOption func(*netnsPlan)

type netnsPlan struct {
	lan       bool
	noDefault bool
	tunnel    bool
	tunRoutes []string
	dropAll   bool
	dropTCP   []int
	resolver  string
}

// LAN connects the namespace to a gateway namespace through a veth pair: LANAddr and LANAddr6 on
// LANDevice, default routes (metric 100) via GatewayAddr and GatewayAddr6.
func LAN() NetnsOption { return func(p *netnsPlan) { p.lan = true } }

// LANOnly is LAN without the default routes: an office network that reaches its own servers
// (the gateway's address) and nothing beyond, not even through a proxy.
func LANOnly() NetnsOption { return func(p *netnsPlan) { p.lan, p.noDefault = true, true } }

// Tunnel adds TunDevice, a tun device with TunAddr/24 and TunAddr6/64, carrying the given route
// prefixes (metric 50, so they win over the LAN's default). No prefixes: a tunnel that carries
// only its own subnet, as an idle VPN adapter does.
func Tunnel(prefixes ...string) NetnsOption {
	return func(p *netnsPlan) { p.tunnel, p.tunRoutes = true, prefixes }
}

// DropAll drops every packet that enters or leaves through any interface but loopback, so
// connections and DNS queries over the LAN time out instead of failing fast.
func DropAll() NetnsOption { return func(p *netnsPlan) { p.dropAll = true } }

// DropTCP drops TCP packets to port on every interface, loopback included: a connection to it
// times out, as behind a firewall that drops the mail ports.
func DropTCP(port int) NetnsOption {
	return func(p *netnsPlan) { p.dropTCP = append(p.dropTCP, port) }
}

// Resolver sets the namespace's nameserver (its own /etc/resolv.conf, which `ip netns exec`
// mounts). The default is 127.0.0.1, a closed port in the namespace, so a lookup fails at once
// and no query ever leaves it.
func Resolver(addr string) NetnsOption { return func(p *netnsPlan) { p.resolver = addr } }

var shortName = regexp.MustCompile(`^[a-z0-9]{1,8}$`)

// NewNetns makes a namespace named sd-<short>-<pid>-<n> with loopback up and what opts add, and
// removes it, its devices and its files when t ends, whether or not t failed. It skips or fails t
// (see package doc) without root, ip or, for drop rules, nft.
//
// Inside a test binary that Run started in a namespace it makes nothing and returns that
// namespace, so code before Run may run twice: keep setup inside Run's function.
func NewNetns(t testing.TB, short string, opts ...NetnsOption) *Netns {
	t.Helper()
	if name := os.Getenv(netnsEnv); name != "" {
		return &Netns{Name: name, child: true}
	}
	if !shortName.MatchString(short) {
		t.Fatalf("netns: short name %q: want 1 to 8 lower-case letters or digits", short)
	}
	plan := netnsPlan{resolver: "127.0.0.1"}
	for _, o := range opts {
		o(&plan)
	}
	Root(t)
	Program(t, "ip")
	if plan.dropAll || len(plan.dropTCP) > 0 {
		Program(t, "nft")
	}
	sweepStale(t.Context())
	ns := &Netns{}
	for n := 0; ns.Name == "" && n < 100; n++ {
		name := fmt.Sprintf("sd-%s-%d-%d", short, os.Getpid(), n)
		if _, err := os.Stat(filepath.Join("/run/netns", name)); err == nil {
			continue // left by an earlier test of this process
		}
		if err := ip(t.Context(), "netns", "add", name); err != nil {
			t.Fatalf("netns: %v", err)
		}
		ns.Name = name
	}
	if ns.Name == "" {
		t.Fatal("netns: no free name")
	}
	t.Cleanup(func() { ns.remove(t) })
	if err := ns.build(t.Context(), plan); err != nil {
		t.Fatalf("netns %s: %v", ns.Name, err)
	}
	return ns
}

var ownName = regexp.MustCompile(`^sd-[a-z0-9]{1,8}-([0-9]+)-[0-9]+(-gw)?$`)

// sweepStale removes the namespaces of test processes that died before their cleanups ran
// (killed by go test's timeout, say): names carry the pid, and a pid that no longer runs
// cannot be using its namespace.
func sweepStale(ctx context.Context) {
	entries, _ := os.ReadDir("/run/netns")
	for _, e := range entries {
		m := ownName.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		if _, err := os.Stat(filepath.Join("/proc", m[1])); m[1] == pidString() || !errors.Is(err, os.ErrNotExist) {
			continue
		}
		_ = ip(ctx, "netns", "del", e.Name()) // another process may be sweeping it too
		_ = os.RemoveAll(filepath.Join("/etc/netns", e.Name()))
	}
}

// build sets up what plan asks for.
func (ns *Netns) build(ctx context.Context, plan netnsPlan) error {
	if err := writeResolvConf(ns.Name, plan.resolver); err != nil {
		return err
	}
	in := func(args ...string) error { return ip(ctx, append([]string{"-n", ns.Name}, args...)...) }
	if err := in("link", "set", "lo", "up"); err != nil {
		return err
	}
	if plan.lan {
		if err := ns.buildLAN(ctx, in, !plan.noDefault); err != nil {
			return err
		}
	}
	if plan.tunnel {
		if err := buildTunnel(in, plan.tunRoutes); err != nil {
			return err
		}
	}
	return ns.buildDrops(ctx, plan)
}

func (ns *Netns) buildLAN(ctx context.Context, in func(...string) error, defaultRoutes bool) error {
	ns.Gateway = ns.Name + "-gw"
	if err := ip(ctx, "netns", "add", ns.Gateway); err != nil {
		return err
	}
	gw := func(args ...string) error { return ip(ctx, append([]string{"-n", ns.Gateway}, args...)...) }
	steps := [][]string{
		{"link", "add", LANDevice, "type", "veth", "peer", "name", "lan0", "netns", ns.Gateway},
		{"addr", "add", LANAddr + "/24", "dev", LANDevice},
		{"-6", "addr", "add", LANAddr6 + "/64", "dev", LANDevice, "nodad"},
		{"link", "set", LANDevice, "up"},
	}
	for _, s := range steps {
		if err := in(s...); err != nil {
			return err
		}
	}
	gwSteps := [][]string{
		{"link", "set", "lo", "up"},
		{"addr", "add", GatewayAddr + "/24", "dev", "lan0"},
		{"-6", "addr", "add", GatewayAddr6 + "/64", "dev", "lan0", "nodad"},
		{"link", "set", "lan0", "up"},
	}
	for _, s := range gwSteps {
		if err := gw(s...); err != nil {
			return err
		}
	}
	if !defaultRoutes {
		return nil
	}
	if err := in("route", "add", "default", "via", GatewayAddr, "metric", "100"); err != nil {
		return err
	}
	return in("-6", "route", "add", "default", "via", GatewayAddr6, "metric", "100")
}

func buildTunnel(in func(...string) error, prefixes []string) error {
	steps := [][]string{
		{"tuntap", "add", "dev", TunDevice, "mode", "tun"},
		{"addr", "add", TunAddr + "/24", "dev", TunDevice},
		{"-6", "addr", "add", TunAddr6 + "/64", "dev", TunDevice, "nodad"},
		{"link", "set", TunDevice, "up"},
	}
	for _, p := range prefixes {
		family := "-4"
		if strings.Contains(p, ":") {
			family = "-6"
		}
		steps = append(steps, []string{family, "route", "add", p, "dev", TunDevice, "metric", "50"})
	}
	for _, s := range steps {
		if err := in(s...); err != nil {
			return err
		}
	}
	return nil
}

func (ns *Netns) buildDrops(ctx context.Context, plan netnsPlan) error {
	if !plan.dropAll && len(plan.dropTCP) == 0 {
		return nil
	}
	var out, in strings.Builder
	for _, port := range plan.dropTCP {
		fmt.Fprintf(&out, "\t\ttcp dport %d drop\n", port)
	}
	if plan.dropAll {
		out.WriteString("\t\toifname != \"lo\" drop\n")
		in.WriteString("\t\tiifname != \"lo\" drop\n")
	}
	rules := "table inet signin_doctor_test {\n" +
		"\tchain out {\n\t\ttype filter hook output priority 0; policy accept;\n" + out.String() + "\t}\n" +
		"\tchain in {\n\t\ttype filter hook input priority 0; policy accept;\n" + in.String() + "\t}\n" +
		"}\n"
	cmd := exec.CommandContext(ctx, "ip", "netns", "exec", ns.Name, "nft", "-f", "-")
	cmd.Stdin = strings.NewReader(rules)
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("nft drop rules: %w: %s", err, strings.TrimSpace(string(b)))
	}
	return nil
}

// writeResolvConf gives namespace name its own resolv.conf, which `ip netns exec` mounts over
// /etc/resolv.conf: a test never asks this machine's real resolver.
func writeResolvConf(name, nameserver string) error {
	dir := filepath.Join("/etc/netns", name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("resolv.conf for %s: %w", name, err)
	}
	body := "nameserver " + nameserver + "\noptions timeout:1 attempts:1\n"
	if err := os.WriteFile(filepath.Join(dir, "resolv.conf"), []byte(body), 0o644); err != nil {
		return fmt.Errorf("resolv.conf for %s: %w", name, err)
	}
	return nil
}

// remove deletes the devices, the namespaces and their files. It reports what it could not
// remove as a test error, so a leak is seen.
func (ns *Netns) remove(t testing.TB) {
	t.Helper()
	ctx := context.Background() // t.Context is already done during cleanup
	for _, dev := range []string{TunDevice, LANDevice} {
		_ = ip(ctx, "-n", ns.Name, "link", "del", dev) // absent unless the plan made it
	}
	var errs []error
	for _, name := range []string{ns.Gateway, ns.Name} {
		if name == "" {
			continue
		}
		errs = append(errs, ip(ctx, "netns", "del", name))
		if _, err := os.Stat(filepath.Join("/run/netns", name)); err == nil {
			errs = append(errs, fmt.Errorf("namespace %s still exists", name))
		}
	}
	errs = append(errs, os.RemoveAll(filepath.Join("/etc/netns", ns.Name)))
	if err := errors.Join(errs...); err != nil {
		t.Errorf("netns cleanup: %v", err)
	}
}

// Command returns a command that runs program inside the namespace, for a server the test
// needs there (nginx on the namespace's loopback, say).
func (ns *Netns) Command(ctx context.Context, program string, args ...string) *exec.Cmd {
	if ns.child {
		return exec.CommandContext(ctx, program, args...)
	}
	return exec.CommandContext(ctx, "ip", append([]string{"netns", "exec", ns.Name, program}, args...)...)
}

// GatewayName is the LAN's gateway namespace, inside the namespace's own test process too.
func (ns *Netns) GatewayName() string {
	if ns.Gateway != "" {
		return ns.Gateway
	}
	return ns.Name + "-gw"
}

func ip(ctx context.Context, args ...string) error {
	b, err := exec.CommandContext(ctx, "ip", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("ip %s: %w: %s", strings.Join(args, " "), err, strings.TrimSpace(string(b)))
	}
	return nil
}

// InNetns reports whether this process is a test binary that Run started inside a namespace.
func InNetns() bool { return os.Getenv(netnsEnv) != "" }

// Run runs fn as test t inside the namespace. A Go process cannot move all its threads into a
// namespace, so Run starts this test binary again under `ip netns exec`, running only t (by
// -test.run) with an env marker; there NewNetns returns the namespace and Run calls fn. The
// child's verdict becomes t's: a failure fails t with the child's output, a skip skips it, and a
// child that never reached fn fails t.
func (ns *Netns) Run(t *testing.T, fn func(t *testing.T)) {
	t.Helper()
	if ns.child {
		if os.Getenv(netnsTestEnv) == t.Name() {
			t.Logf("%s %s", netnsRanMark, ns.Name)
			fn(t)
		}
		return
	}
	bin, err := os.Executable()
	if err != nil {
		t.Fatalf("netns run: %v", err)
	}
	ctx := t.Context()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d)
		defer cancel()
	}
	cmd := ns.Command(ctx, bin, "-test.run="+runPattern(t.Name()), "-test.v=true", "-test.count=1")
	cmd.Env = append(os.Environ(), netnsEnv+"="+ns.Name, netnsTestEnv+"="+t.Name())
	out, err := cmd.CombinedOutput()
	text := string(out)
	switch {
	case err != nil:
		t.Fatalf("inside %s: %v\n%s", ns.Name, err, text)
	case strings.Contains(text, "--- SKIP: "+t.Name()+" "):
		t.Skipf("inside %s:\n%s", ns.Name, text)
	case !strings.Contains(text, netnsRanMark) || !strings.Contains(text, "--- PASS: "+t.Name()+" "):
		t.Fatalf("inside %s: the test did not run\n%s", ns.Name, text)
	case testing.Verbose():
		t.Logf("inside %s:\n%s", ns.Name, text)
	}
}

// runPattern matches exactly the test named name (as t.Name() spells it) for -test.run.
func runPattern(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	return strings.Join(parts, "/")
}

// pidString is the process id as NewNetns puts it in names, for tests that look for leftovers.
func pidString() string { return strconv.Itoa(os.Getpid()) }
