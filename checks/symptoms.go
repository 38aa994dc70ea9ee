package checks

// Symptom ids (docs/DESIGN.md): what the person sees when sign-in fails. The playbook has an entry
// for each; the CLI's --symptom takes them.
const (
	SymptomIPRestricted        = "ip-restricted"
	SymptomDailySigninLimit    = "daily-signin-limit"
	SymptomSigninAttemptLimit  = "signin-attempt-limit"
	SymptomOneAuthRestriction  = "oneauth-restriction"
	SymptomOneAuthUpdate       = "oneauth-update"
	SymptomSessionLimit        = "session-limit"
	SymptomAccountInactive     = "account-inactive"
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
	SymptomDailySigninLimit:    nil,
	SymptomSigninAttemptLimit:  nil,
	SymptomOneAuthRestriction:  nil,
	SymptomOneAuthUpdate:       {Connectivity},
	SymptomSessionLimit:        nil,
	SymptomAccountInactive:     nil,
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
		SymptomIPRestricted, SymptomDailySigninLimit, SymptomSigninAttemptLimit,
		SymptomOneAuthRestriction, SymptomOneAuthUpdate, SymptomSessionLimit, SymptomAccountInactive,
		SymptomIdPEmailChanged, SymptomDisallowedUserAgent,
		SymptomForgotPassword, SymptomMailClient, SymptomOTPIncorrect, SymptomMFADeviceLost,
		SymptomOther,
	}
}

// KnownSymptom reports whether id is a symptom id of docs/DESIGN.md (an old id is not: see
// CanonicalSymptom).
func KnownSymptom(id string) bool {
	_, ok := symptomChecks[id]
	return ok
}

// symptomAliases are old symptom ids and the ids they now mean (docs/DESIGN.md), so that IT's
// scripts and configurations written for an older version keep working. "signin-limit" was
// the daily limit and the wrong-attempts block in one; its message was the daily limit's.
var symptomAliases = map[string]string{
	"signin-limit": SymptomDailySigninLimit,
}

// CanonicalSymptom returns the symptom id that id means, where IT gives one (the CLI's
// --symptom, the configuration's playbook.hidden_symptoms): id itself, or an old id's
// replacement. It is false for an id that is neither.
func CanonicalSymptom(id string) (string, bool) {
	if to, ok := symptomAliases[id]; ok {
		return to, true
	}
	return id, KnownSymptom(id)
}

// ChecksFor returns the ids of the checks that tell the causes of symptom apart. An empty
// symptom means "check everything". The result is a fresh slice.
func ChecksFor(symptom string) []string {
	if symptom == "" {
		return CheckIDs()
	}
	return append([]string(nil), symptomChecks[symptom]...)
}
