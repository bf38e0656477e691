package checkout

import (
	"encoding/json"
	"net/http"

	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

func CheckoutHandler(w http.ResponseWriter, r *http.Request) {
	var c Customer
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	TagCustomer(r.Context(), c)
	root := tracer.StartSpan("checkout.request")
	root.SetTag("customer.phone", r.FormValue("phone")) // expect: pii-to-third-party user.contact.phone_number
	defer root.Finish()
	if err := Ship(r.Context(), c); err != nil {
		http.Error(w, "failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
