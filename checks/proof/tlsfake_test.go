package proof

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"
)

// The TLS servers of this file answer what nginx cannot be made to: a certificate outside its
// validity period, and an answer dripped a byte at a time. Their certificates come from a CA
// made per test; the client trusts it through the pool returned.

// certificate makes a CA and a certificate for 127.0.0.1 and localhost valid from notBefore to
// notAfter, signed by it.
func certificate(t testing.TB, notBefore, notAfter time.Time) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ca := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "proof test CA"},
		NotBefore: time.Now().Add(-48 * time.Hour), NotAfter: time.Now().Add(48 * time.Hour),
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true, IsCA: true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, ca, ca, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caCert, _ := x509.ParseCertificate(caDER)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	leaf := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: notBefore, NotAfter: notAfter,
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, leaf, caCert, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool
}

// tlsFake is a TLS listener on loopback whose connections handle serves, until the test ends.
type tlsFake struct {
	l     net.Listener
	Roots *x509.CertPool
	wg    sync.WaitGroup
}

func startTLSFake(t testing.TB, notBefore, notAfter time.Time, handle func(net.Conn)) *tlsFake {
	t.Helper()
	cert, roots := certificate(t, notBefore, notAfter)
	l, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatalf("listening for TLS on loopback: %v", err)
	}
	f := &tlsFake{l: l, Roots: roots}
	f.wg.Go(func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			f.wg.Go(func() { defer c.Close(); handle(c) })
		}
	})
	t.Cleanup(func() { l.Close(); f.wg.Wait() })
	return f
}

// URL is the fake's https:// URL for path.
func (f *tlsFake) URL(path string) string {
	return "https://127.0.0.1:" + strconv.Itoa(f.l.Addr().(*net.TCPAddr).Port) + path
}

// answer writes an honest HTTP answer with a Date header and body to one request.
func answer(body string) func(net.Conn) {
	return func(c net.Conn) {
		_ = c.SetDeadline(time.Now().Add(5 * time.Second))
		if _, err := http.ReadRequest(bufio.NewReader(c)); err != nil {
			return
		}
		_, _ = c.Write([]byte("HTTP/1.1 200 OK\r\nDate: " + time.Now().UTC().Format(http.TimeFormat) +
			"\r\nContent-Type: text/plain\r\nContent-Length: " + strconv.Itoa(len(body)) +
			"\r\nConnection: close\r\n\r\n" + body))
	}
}

// drip answers a request with a status line and headers one byte every interval, never ending
// the headers: a slowloris server. It stops when the client goes away or after a minute.
func drip(interval time.Duration) func(net.Conn) {
	return func(c net.Conn) {
		_ = c.SetDeadline(time.Now().Add(time.Minute))
		if _, err := http.ReadRequest(bufio.NewReader(c)); err != nil {
			return
		}
		head := []byte("HTTP/1.1 200 OK\r\nDate: " + time.Now().UTC().Format(http.TimeFormat) + "\r\n")
		for i := 0; ; i++ {
			b := head[i%len(head)]
			if i >= len(head) {
				b = "X-Slow: ."[i%9] // a header line that never ends
			}
			if _, err := c.Write([]byte{b}); err != nil {
				return
			}
			time.Sleep(interval)
		}
	}
}
