package peer

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// tlsFiles are the PEM files of a test CA and the server certificate it signed.
type tlsFiles struct {
	caCert, cert, key string
}

// writeTestCA makes a CA that exists for one test, and a server certificate it signs for
// names (DNS names or IP addresses), and writes both into dir. The CA's key is never written:
// nothing else can be signed with it once the test ends. The server certificate is valid from
// an hour ago for a day, moved by shift (later when positive: +25h makes one valid only from
// tomorrow; -49h one that expired yesterday); the CA's own window covers it either way.
func writeTestCA(dir string, names []string, shift time.Duration) (*x509.CertPool, tlsFiles, error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, tlsFiles{}, fmt.Errorf("CA key: %w", err)
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "Sign-in Doctor test CA"},
		NotBefore:             now.Add(-time.Hour - shift.Abs()),
		NotAfter:              now.Add(24*time.Hour + shift.Abs()),
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, tlsFiles{}, fmt.Errorf("CA certificate: %w", err)
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return nil, tlsFiles{}, fmt.Errorf("CA certificate: %w", err)
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, tlsFiles{}, fmt.Errorf("server key: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: names[0]},
		NotBefore:    now.Add(-time.Hour + shift),
		NotAfter:     now.Add(24*time.Hour + shift),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
	if err != nil {
		return nil, tlsFiles{}, fmt.Errorf("server certificate: %w", err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, tlsFiles{}, fmt.Errorf("server key: %w", err)
	}
	files := tlsFiles{
		caCert: filepath.Join(dir, "ca.pem"),
		cert:   filepath.Join(dir, "server.pem"),
		key:    filepath.Join(dir, "server.key"),
	}
	for _, f := range []struct {
		path, kind string
		der        []byte
	}{
		{files.caCert, "CERTIFICATE", caDER},
		{files.cert, "CERTIFICATE", der},
		{files.key, "PRIVATE KEY", keyDER},
	} {
		block := pem.EncodeToMemory(&pem.Block{Type: f.kind, Bytes: f.der})
		if err := os.WriteFile(f.path, block, 0o600); err != nil {
			return nil, tlsFiles{}, fmt.Errorf("writing %s: %w", f.path, err)
		}
	}
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	return pool, files, nil
}
