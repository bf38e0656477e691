package billing

import "github.com/newrelic/go-agent/v3/newrelic"

// Negative file: a background job reports counts and fixed labels.
func RunNightly(app *newrelic.Application, invoices []Invoice) {
	txn := app.StartTransaction("nightly-invoices")
	defer txn.End()
	txn.AddAttribute("batch.size", len(invoices))
	txn.AddAttribute("region", "eu-west-1")
	app.RecordCustomEvent("NightlyDone", map[string]interface{}{"count": len(invoices)})
}
