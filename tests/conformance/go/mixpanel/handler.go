package shop

import (
	"encoding/json"
	"net/http"
)

func PurchaseHandler(w http.ResponseWriter, r *http.Request) {
	var b Buyer
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = TrackPurchase(r.Context(), b, 42)
	_ = SetProfile(r.Context(), b)
	_ = TrackStock(r.Context(), 3)
	w.WriteHeader(http.StatusNoContent)
}
