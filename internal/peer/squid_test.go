package peer

import (
	"crypto/tls"
	"errors"
	"net/http"
	"testing"
)

// The intercepting proxy, for real: a client that trusts the proxy's CA gets the server's
// answer through it, on a certificate the proxy made for the host; one that trusts only the
// server's CA refuses that certificate, whose issuer is the proxy's CA.
func TestSquidInterceptsTLS(t *testing.T) {
	web := StartNginx(t, NginxConfig{TLS: true, Server: `location / { return 200 "the real server"; }`})
	proxy := StartSquid(t, SquidOptions{OriginCAFile: web.CAFile})
	through := func(roots *tls.Config) *http.Client {
		tr := &http.Transport{Proxy: http.ProxyURL(proxy.URL()), TLSClientConfig: roots, DisableKeepAlives: true}
		t.Cleanup(tr.CloseIdleConnections)
		return &http.Client{Transport: tr}
	}

	t.Run("trusting the proxy's CA", func(t *testing.T) {
		client := through(&tls.Config{RootCAs: proxy.CA})
		status, body, err := get(t, client, web.TLSURL("/"))
		if err != nil || status != http.StatusOK || body != "the real server" {
			t.Fatalf("through the proxy: %d %q %v, want the server's 200", status, body, err)
		}
		if !proxy.Logged(t, "GET https://localhost:") {
			t.Error("the proxy logged no request it decrypted")
		}
	})

	t.Run("trusting only the server's CA", func(t *testing.T) {
		_, _, err := get(t, through(&tls.Config{RootCAs: web.CA}), web.TLSURL("/"))
		var certErr *tls.CertificateVerificationError
		if !errors.As(err, &certErr) || len(certErr.UnverifiedCertificates) == 0 {
			t.Fatalf("error %v, want the proxy's certificate refused", err)
		}
		if got := certErr.UnverifiedCertificates[0].Issuer.CommonName; got != SquidCAName {
			t.Errorf("the refused certificate's issuer is %q, want the proxy's CA %q", got, SquidCAName)
		}
	})
}
