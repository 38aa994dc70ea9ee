package report

import (
	"regexp"
	"strings"
)

// Redacted replaces what the report must never hold.
const Redacted = "[redacted]"

// The report is shared with a helpdesk by mail or as a file, so it must never carry a TOTP
// secret, a code or a password. No check puts one in its results; these patterns are the
// second line of defence, for text a check copies from elsewhere (an error message, a URL).
var (
	// an otpauth URI holds the secret itself
	otpauthURI = regexp.MustCompile(`(?i)otpauth(-migration)?://[^\s"'<>]+`)
	// a secret word with a value after ":" or "="
	secretAssignment = regexp.MustCompile(`(?i)(password|passwd|pwd|passcode|secret|otp|totp|token|pin|code|パスワード|シークレット|暗証番号|コード)(\s*[:=：＝]\s*)("[^"]*"|'[^']*'|[^\s"',;&]+)`)
	// "password is X" where X has a digit or a symbol: a value, not a word of a sentence
	secretIs = regexp.MustCompile(`(?i)(password|passcode|secret|token|pin|code)(\s+is\s+)([^\s"',;&]*[0-9!@#$%^*_+-][^\s"',;&]*)`)
	// a 6 to 8 digit code near a word that says it is one
	nearbyCode = regexp.MustCompile(`(?i)(code|otp|totp|passcode|verification|one-time|コード|認証|ワンタイム)([^\d\n]{0,24})\b(\d{6,8})\b`)
	// a query parameter that carries a secret
	secretParam = regexp.MustCompile(`(?i)([?&](secret|password|code|otp|token)=)[^&\s"']+`)
	// a long base32 string: the form TOTP secrets are written in
	base32Secret = regexp.MustCompile(`\b[A-Z2-7]{16,}=*\b`)
)

// redact removes secret-shaped text from s.
func redact(s string) string {
	s = otpauthURI.ReplaceAllString(s, "otpauth://"+Redacted)
	s = secretParam.ReplaceAllString(s, "${1}"+Redacted)
	s = secretAssignment.ReplaceAllString(s, "${1}${2}"+Redacted)
	s = secretIs.ReplaceAllString(s, "${1}${2}"+Redacted)
	s = nearbyCode.ReplaceAllString(s, "${1}${2}"+Redacted)
	return base32Secret.ReplaceAllStringFunc(s, func(m string) string {
		if !strings.ContainsAny(m, "234567") {
			return m // an upper-case word, not an encoded secret
		}
		return Redacted
	})
}

// secretKey reports whether a details key names a secret: its whole value goes.
func secretKey(k string) bool {
	k = strings.ToLower(k)
	switch k {
	case "code", "otp", "totp", "pin", "token", "passcode", "passwd", "pwd":
		return true
	}
	return strings.Contains(k, "password") || strings.Contains(k, "secret") || strings.Contains(k, "otpauth")
}

// redactValue returns a copy of v, a details value decoded from JSON (maps, lists, strings,
// numbers), with every string redacted and every value under a secret key replaced.
func redactValue(v any) any {
	switch v := v.(type) {
	case string:
		return redact(v)
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			if secretKey(k) {
				out[k] = Redacted
				continue
			}
			out[k] = redactValue(x)
		}
		return out
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = redactValue(x)
		}
		return out
	}
	return v
}
