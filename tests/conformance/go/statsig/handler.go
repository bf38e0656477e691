package checkout

import (
	"encoding/json"
	"net/http"
)

func CheckoutHandler(w http.ResponseWriter, r *http.Request) {
	var b Buyer
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if RegionEnabled("eu-west-1") && SeesNewPricing(b) {
		Purchased(b, 42)
	}
	w.WriteHeader(http.StatusNoContent)
}
