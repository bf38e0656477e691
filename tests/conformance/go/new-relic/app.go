package billing

import (
	"os"

	"github.com/newrelic/go-agent/v3/newrelic"
)

// NewApp starts the agent.
func NewApp() (*newrelic.Application, error) {
	return newrelic.NewApplication(
		newrelic.ConfigAppName("billing"),
		newrelic.ConfigLicense(os.Getenv("NEW_RELIC_LICENSE_KEY")),
	)
}

type Invoice struct {
	Total int
	Email string
	Phone string
}

// Annotate adds the invoice's customer to the running transaction.
func Annotate(txn *newrelic.Transaction, inv Invoice) {
	txn.AddAttribute("invoice.total", inv.Total)
	txn.AddAttribute("customer.email", inv.Email) // expect: pii-to-third-party user.contact.email
}
