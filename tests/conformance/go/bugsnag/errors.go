package payments

import (
	"os"

	"github.com/bugsnag/bugsnag-go/v2"
)

func InitBugsnag() {
	bugsnag.Configure(bugsnag.Configuration{APIKey: os.Getenv("BUGSNAG_API_KEY"), ReleaseStage: "production"})
}

type Payer struct {
	ID    string
	Email string
	Name  string
	Iban  string
}

func PaymentFailed(err error, p Payer) {
	bugsnag.Notify(err, bugsnag.User{Id: p.ID, Email: p.Email}) // expect: pii-to-third-party user.contact.email
	bugsnag.Notify(err, bugsnag.MetaData{"billing": {"iban": p.Iban}}) // expect: pii-to-third-party user.financial.bank_account
}
