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

// testCA is a certificate authority that exists for one test.
type testCA struct {
	cert *x509.Certificate
	der  []byte
	key  *ecdsa.PrivateKey
}

// newTestCA makes a CA named name (its common name, what a certificate's issuer says), valid
// from notBefore to notAfter.
func newTestCA(name string, notBefore, notAfter time.Time) (testCA, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return testCA{}, fmt.Errorf("CA key: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             notBefore,
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return testCA{}, fmt.Errorf("CA certificate: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return testCA{}, fmt.Errorf("CA certificate: %w", err)
	}
	return testCA{cert: cert, der: der, key: key}, nil
}

// pool is a certificate pool trusting the CA alone.
func (ca testCA) pool() *x509.CertPool {
	p := x509.NewCertPool()
	p.AddCert(ca.cert)
	return p
}

// writeTestCA makes a CA that exists for one test, and a server certificate it signs for
// names (DNS names or IP addresses), and writes both into dir. The CA's key is never written:
// nothing else can be signed with it once the test ends. The server certificate is valid from
// an hour ago for a day, moved by shift (later when positive: +25h makes one valid only from
// tomorrow; -49h one that expired yesterday); the CA's own window covers it either way.
func writeTestCA(dir string, names []string, shift time.Duration) (*x509.CertPool, tlsFiles, error) {
	now := time.Now()
	ca, err := newTestCA("Sign-in Doctor test CA", now.Add(-time.Hour-shift.Abs()), now.Add(24*time.Hour+shift.Abs()))
	if err != nil {
		return nil, tlsFiles{}, err
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
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, &key.PublicKey, ca.key)
	if err != nil {
		return nil, tlsFiles{}, fmt.Errorf("server certificate: %w", err)
	}
	files := tlsFiles{
		caCert: filepath.Join(dir, "ca.pem"),
		cert:   filepath.Join(dir, "server.pem"),
		key:    filepath.Join(dir, "server.key"),
	}
	if err := writePEM(files.caCert, "CERTIFICATE", ca.der); err != nil {
		return nil, tlsFiles{}, err
	}
	if err := writePEM(files.cert, "CERTIFICATE", der); err != nil {
		return nil, tlsFiles{}, err
	}
	if err := writeKey(files.key, key); err != nil {
		return nil, tlsFiles{}, err
	}
	return ca.pool(), files, nil
}

// writeKey writes key to path as PKCS #8 PEM.
func writeKey(path string, key *ecdsa.PrivateKey) error {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return fmt.Errorf("key for %s: %w", path, err)
	}
	return writePEM(path, "PRIVATE KEY", der)
}

// writePEM writes one PEM block of kind to path, readable by its owner alone.
func writePEM(path, kind string, der []byte) error {
	block := pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der})
	if err := os.WriteFile(path, block, 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
