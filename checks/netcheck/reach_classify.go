package netcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
)

// Reasons an endpoint was not reached (EndpointResult.Reason).
const (
	reasonRefused     = "refused"
	reasonReset       = "reset"
	reasonTimeout     = "timeout"
	reasonUnreachable = "unreachable"
	reasonNoSuchHost  = "no-such-host"
	reasonDNS         = "dns-failure"
	reasonUntrusted   = "untrusted-certificate"
	reasonHandshake   = "handshake-failed"
	reasonNoAnswer    = "no-answer"
	reasonGreeting    = "bad-greeting"
	reasonNoStartTLS  = "no-starttls"
	reasonNoTime      = "no-time"
)

// fail records err at stage in res, telling the stage and reason from the error itself where
// it says more than the stage reached: a lookup failure is DNS wherever it surfaced, a
// certificate that does not verify is TLS.
func fail(res *EndpointResult, stage string, err error) {
	res.Stage, res.Error = stage, err.Error()
	var certErr *tls.CertificateVerificationError
	var dnsErr *net.DNSError
	switch {
	case errors.As(err, &certErr):
		res.Stage, res.Reason = "tls", reasonUntrusted
		if len(certErr.UnverifiedCertificates) > 0 {
			res.Issuer = issuerName(certErr.UnverifiedCertificates[0])
		}
	case errors.As(err, &dnsErr):
		res.Stage = "dns"
		switch {
		case dnsErr.IsNotFound:
			res.Reason = reasonNoSuchHost
		case dnsErr.IsTimeout:
			res.Reason = reasonTimeout
		default:
			res.Reason = reasonDNS
		}
	case isTimeout(err):
		res.Reason = reasonTimeout
	case isOneOf(err, refusedErrnos) && stage == "tcp":
		res.Reason = reasonRefused // a reset answering the SYN is a refusal too
	case isOneOf(err, refusedErrnos):
		res.Reason = reasonReset
	case isOneOf(err, unreachableErrnos):
		res.Reason = reasonUnreachable
	case stage == "tls":
		res.Reason = reasonHandshake
	default:
		res.Reason = reasonNoAnswer
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
}

func isOneOf(err error, targets []error) bool {
	for _, t := range targets {
		if errors.Is(err, t) {
			return true
		}
	}
	return false
}

// issuerName names a certificate's issuer as a person would recognise it: its common name,
// else its organisation, else the whole name.
func issuerName(c *x509.Certificate) string {
	switch {
	case c.Issuer.CommonName != "":
		return c.Issuer.CommonName
	case len(c.Issuer.Organization) > 0:
		return c.Issuer.Organization[0]
	}
	return c.Issuer.String()
}
