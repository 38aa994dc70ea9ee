package netcheck

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"strings"
	"time"
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
	// The certificate verifies but for its dates, by this computer's clock (see dateInvalid).
	reasonCertNotYetValid = "certificate-not-yet-valid"
	reasonCertExpired     = "certificate-expired"
	// reasonProxyRefused: the proxy answered the tunnel request with a status other than
	// 200 (HTTPStatus holds it); reasonProxyAuth: that status was 407, the proxy wants a
	// user name and password.
	reasonProxyRefused = "proxy-refused"
	reasonProxyAuth    = "proxy-auth-required"
	// reasonUnrecognised: an error the check does not know. It proves nothing about the
	// endpoint, so it gives no finding and the check says unknown, with the raw error.
	reasonUnrecognised = "unrecognised-error"
	// reasonOffline: not probed, as connectivity found no way to the Internet and the
	// endpoint is not on this computer's own networks.
	reasonOffline = "offline"
)

// fail records err at stage in res, telling the stage and reason from the error itself where
// it says more than the stage reached: a lookup failure is DNS wherever it surfaced, a
// certificate that does not verify is TLS. Only errors it recognises get a reason that leads
// to a finding; any other is reasonUnrecognised.
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
		dateInvalid(res, certErr, time.Now())
	case errors.As(err, &dnsErr):
		res.Stage, res.Reason = "dns", dnsReason(dnsErr)
	case isTimeout(err):
		res.Reason = reasonTimeout
	case isOneOf(err, refusedErrnos) && stage == "tcp":
		res.Reason = reasonRefused // a reset answering the SYN is a refusal too
	case isOneOf(err, refusedErrnos):
		res.Reason = reasonReset
	case isOneOf(err, unreachableErrnos):
		res.Reason = reasonUnreachable
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		res.Reason = reasonNoAnswer // the host took the connection and closed it
		if stage == "tls" {
			res.Reason = reasonHandshake
		}
	case stage == "tls" && isTLSFailure(err):
		res.Reason = reasonHandshake
	default:
		res.Reason = reasonUnrecognised
	}
}

// dateInvalid tells a certificate that fails only by its dates: not yet valid, or expired,
// by this computer's clock. A sign-in host's certificate is renewed long before it expires, so
// that is evidence about this computer's clock (as browsers say: "your clock is behind"), not
// interception; res keeps the certificate's window.
func dateInvalid(res *EndpointResult, certErr *tls.CertificateVerificationError, now time.Time) {
	var invalid x509.CertificateInvalidError
	if !errors.As(certErr.Err, &invalid) || invalid.Reason != x509.Expired || invalid.Cert == nil {
		return
	}
	c := invalid.Cert
	res.Certificate = &CertWindow{NotBefore: c.NotBefore.UTC().Format(time.RFC3339), NotAfter: c.NotAfter.UTC().Format(time.RFC3339)}
	switch {
	case now.Before(c.NotBefore):
		res.Reason = reasonCertNotYetValid
	case now.After(c.NotAfter):
		res.Reason = reasonCertExpired
	}
}

// dnsReason tells a lookup failure's reason: the name does not exist, no answer in time, or
// the resolver failed (unreachable, or SERVFAIL).
func dnsReason(e *net.DNSError) string {
	switch {
	case e.IsNotFound:
		return reasonNoSuchHost
	case e.IsTimeout:
		return reasonTimeout
	case e.IsTemporary:
		return reasonDNS
	}
	return reasonUnrecognised
}

// isTLSFailure reports whether err is the TLS layer's own: an alert the peer sent or this
// side sent, an answer that is not TLS, or one of crypto/tls's errors (which all say "tls: ").
func isTLSFailure(err error) bool {
	var op *net.OpError
	var record tls.RecordHeaderError
	var alert tls.AlertError
	var ech *tls.ECHRejectionError
	switch {
	case errors.As(err, &op) && (op.Op == "remote error" || op.Op == "local error"):
		return true
	case errors.As(err, &record) || errors.As(err, &alert) || errors.As(err, &ech):
		return true
	}
	for inner := err; inner != nil; inner = errors.Unwrap(inner) {
		if strings.HasPrefix(inner.Error(), "tls: ") {
			return true
		}
	}
	return false
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
