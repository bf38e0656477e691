package orders

import (
	"encoding/json"
	"net/http"

	"go.elastic.co/apm/module/apmhttp/v2"
	"go.elastic.co/apm/v2"
)

func Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/orders", createOrder)
	return apmhttp.Wrap(mux)
}

func createOrder(w http.ResponseWriter, r *http.Request) {
	var b Buyer
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	IdentifyBuyer(r.Context(), b)
	tx := apm.TransactionFromContext(r.Context())
	tx.Context.SetCustom("delivery_address", r.FormValue("delivery_address")) // expect: pii-to-third-party user.contact.address
	countItems(r.Context(), 3)
	w.WriteHeader(http.StatusCreated)
}
