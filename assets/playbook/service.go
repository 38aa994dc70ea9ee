package playbook

// Service is where the person's Zoho account lives: the hosts of its data centre, which the
// content names through the placeholders {accounts}, {mail_imap} and {mail_smtp} — in step
// texts, intros and the URLs of open-url and open-in-browser actions (FORMAT.md).
type Service struct {
	Accounts string // the sign-in host: accounts.zoho.jp
	IMAP     string // imap.zoho.jp
	SMTP     string // smtp.zoho.jp
}

// DefaultService is Zoho's US data centre, for a playbook given no other.
var DefaultService = Service{Accounts: "accounts.zoho.com", IMAP: "imap.zoho.com", SMTP: "smtp.zoho.com"}

// servicePlaceholders are the placeholders a Service fills.
var servicePlaceholders = []string{"accounts", "mail_imap", "mail_smtp"}

func (s Service) values() map[string]string {
	return map[string]string{"accounts": s.Accounts, "mail_imap": s.IMAP, "mail_smtp": s.SMTP}
}

// ForService returns the playbook with its links and host names in s's data centre.
func (p *Playbook) ForService(s Service) *Playbook {
	c := *p
	c.service = s
	return &c
}

// currentService is the playbook's data centre: DefaultService until ForService names one.
func (p *Playbook) currentService() Service {
	if p.service == (Service{}) {
		return DefaultService
	}
	return p.service
}
