package shop

import (
	"encoding/json"
	"net/http"
)

func PurchaseHandler(w http.ResponseWriter, r *http.Request) {
	var c Customer
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = Identify(c)
	_ = Purchased(c)
	_ = FlagSeen("checkout-v2")
	w.WriteHeader(http.StatusNoContent)
}
