package billing

import (
	"encoding/json"
	"net/http"

	"github.com/newrelic/go-agent/v3/newrelic"
)

func InvoiceHandler(app *newrelic.Application) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var inv Invoice
		if err := json.NewDecoder(r.Body).Decode(&inv); err != nil {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		txn := newrelic.FromContext(r.Context())
		Annotate(txn, inv)
		newrelic.FromContext(r.Context()).AddAttribute("customer.phone", inv.Phone) // expect: pii-to-third-party user.contact.phone_number
		app.RecordCustomEvent("InvoiceCreated", map[string]interface{}{ // expect: pii-to-third-party user.contact.address
			"total":   inv.Total,
			"address": r.FormValue("address"),
		})
		w.WriteHeader(http.StatusCreated)
	}
}

func RefundHandler(w http.ResponseWriter, r *http.Request) {
	txn := newrelic.FromContext(r.Context())
	txn.AddAttribute("refund.iban", r.FormValue("iban")) // expect: pii-to-third-party user.financial.bank_account
	txn.NoticeError(newrelic.Error{Message: "refund failed", Class: "RefundError", Attributes: map[string]interface{}{"email": r.FormValue("email")}}) // expect: pii-to-third-party user.contact.email
	w.WriteHeader(http.StatusAccepted)
}
