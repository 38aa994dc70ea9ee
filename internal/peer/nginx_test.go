package peer

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"
)

// get fetches u with client and returns the status and body, or an error.
func get(t *testing.T, client *http.Client, u string) (int, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

func TestNginxServesWhatTheTestAsks(t *testing.T) {
	n := StartNginx(t, NginxConfig{
		Server: `location = /ip { return 200 "$server_addr"; }
location = /hang { ` + NginxHang + ` }`,
		Hosts: map[string]string{"echo.test": `location / { return 200 "via proxy"; }`},
		Files: map[string]string{"dir/file.txt": "static"},
		TLS:   true,
		IPv6:  true,
		Echo:  true,
	})
	plain := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(plain.CloseIdleConnections)
	proxyURL, _ := url.Parse(n.URL(""))
	viaProxy := &http.Transport{DisableKeepAlives: true, Proxy: http.ProxyURL(proxyURL)}
	trusting := &http.Transport{DisableKeepAlives: true, TLSClientConfig: &tls.Config{RootCAs: n.CA}}
	untrusting := &http.Transport{DisableKeepAlives: true}

	tests := []struct {
		name      string
		transport *http.Transport
		url       string
		want      string
		wantErr   bool
	}{
		{"given IPv4 when asked then it answers on 127.0.0.1", plain, n.URL("/ip"), "127.0.0.1", false},
		{"given IPv6 when asked on ::1 then it answers there", plain, n.HostURL("[::1]", "/ip"), "::1", false},
		{"given a file when fetched then its content", plain, n.URL("/dir/file.txt"), "static", false},
		{"given a virtual host when asked through it as a proxy then that host answers", viaProxy, "http://echo.test/", "via proxy", false},
		{"given TLS when the client trusts the CA then it answers", trusting, n.TLSURL("/ip"), "127.0.0.1", false},
		{"given TLS when the client does not trust the CA then the handshake fails", untrusting, n.TLSURL("/ip"), "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body, err := get(t, &http.Client{Transport: tt.transport}, tt.url)
			if tt.wantErr {
				if err == nil {
					t.Fatalf("got %d %q, want an error", status, body)
				}
				return
			}
			if err != nil || status != 200 || body != tt.want {
				t.Fatalf("got %d %q %v, want 200 %q", status, body, err, tt.want)
			}
		})
	}

	t.Run("given the hang location when asked then nothing comes before the deadline", func(t *testing.T) {
		client := &http.Client{Transport: plain, Timeout: 300 * time.Millisecond}
		_, _, err := get(t, client, n.URL("/hang"))
		var ne net.Error
		if !errors.As(err, &ne) || !ne.Timeout() {
			t.Fatalf("got %v, want a timeout", err)
		}
	})
}

func TestNginxStopsWhenTheTestEnds(t *testing.T) {
	var port int
	t.Run("inner", func(t *testing.T) {
		port = StartNginx(t, NginxConfig{Server: `location / { return 204; }`}).Port
	})
	c, err := net.DialTimeout("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), time.Second)
	if err == nil {
		c.Close()
		t.Fatalf("nginx still listens on %d after its test ended", port)
	}
}

func TestNginxReportsABadConfiguration(t *testing.T) {
	ft := &fatalRecorder{TB: t}
	func() {
		defer func() { _ = recover() }()
		StartNginx(ft, NginxConfig{Server: `no_such_directive on;`})
	}()
	if !ft.failed {
		t.Fatal("a configuration nginx rejects did not fail the test")
	}
}

// fatalRecorder records Fatal instead of ending the test, to test a helper's failure path.
type fatalRecorder struct {
	testing.TB
	failed bool
}

func (f *fatalRecorder) Fatalf(format string, args ...any) {
	f.failed = true
	panic("fatal")
}
