package checkout

import (
	"encoding/json"
	"net/http"

	"github.com/honeycombio/beeline-go"
)

func CheckoutHandler(w http.ResponseWriter, r *http.Request) {
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	beeline.AddField(r.Context(), "customer.address", r.FormValue("address")) // expect: pii-to-third-party user.contact.address
	beeline.AddFieldToTrace(r.Context(), "customer.username", r.FormValue("username")) // expect: pii-to-third-party user.account.username
	if err := OrderEvent(o, 12.5); err != nil {
		http.Error(w, "failed", http.StatusInternalServerError)
		return
	}
	queueSample(r, 3)
	w.WriteHeader(http.StatusCreated)
}
