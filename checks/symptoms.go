package checks

// Symptom ids (docs/DESIGN.md): what the person sees when sign-in fails. The playbook has an entry
// for each; the CLI's --symptom takes them.
const (
	SymptomIPRestricted        = "ip-restricted"
	SymptomSigninLimit         = "signin-limit"
	SymptomOneAuthRestriction  = "oneauth-restriction"
	SymptomOneAuthUpdate       = "oneauth-update"
	SymptomSessionLimit        = "session-limit"
	SymptomIdPEmailChanged     = "idp-email-changed"
	SymptomDisallowedUserAgent = "disallowed-useragent"
	SymptomForgotPassword      = "forgot-password"
	SymptomMailClient          = "mail-client"
	SymptomOTPIncorrect        = "otp-incorrect"
	SymptomMFADeviceLost       = "mfa-device-lost"
	SymptomOther               = "other"
)

// symptomChecks is the "checks that matter" column of docs/DESIGN.md. A check that needs another
// (allowlist needs publicip) brings it along when the run is selected; see Select.
var symptomChecks = map[string][]string{
	SymptomIPRestricted:        {PublicIP, VPN, Allowlist},
	SymptomSigninLimit:         nil,
	SymptomOneAuthRestriction:  nil,
	SymptomOneAuthUpdate:       {Connectivity},
	SymptomSessionLimit:        nil,
	SymptomIdPEmailChanged:     nil,
	SymptomDisallowedUserAgent: {Browsers},
	SymptomForgotPassword:      nil,
	SymptomMailClient:          {Reach},
	SymptomOTPIncorrect:        {Clock, TimeSync},
	SymptomMFADeviceLost:       nil,
	SymptomOther:               CheckIDs(),
}

// SymptomIDs lists the symptom ids in the order the home screen shows them.
func SymptomIDs() []string {
	return []string{
		SymptomIPRestricted, SymptomSigninLimit, SymptomOneAuthRestriction, SymptomOneAuthUpdate,
		SymptomSessionLimit, SymptomIdPEmailChanged, SymptomDisallowedUserAgent,
		SymptomForgotPassword, SymptomMailClient, SymptomOTPIncorrect, SymptomMFADeviceLost,
		SymptomOther,
	}
}

// KnownSymptom reports whether id is a symptom id of docs/DESIGN.md.
func KnownSymptom(id string) bool {
	_, ok := symptomChecks[id]
	return ok
}

// ChecksFor returns the ids of the checks that tell the causes of symptom apart. An empty
// symptom means "check everything". The result is a fresh slice.
func ChecksFor(symptom string) []string {
	if symptom == "" {
		return CheckIDs()
	}
	return append([]string(nil), symptomChecks[symptom]...)
}
