package checkout

import (
	"encoding/json"
	"net/http"
)

func (f *Flags) CheckoutHandler(w http.ResponseWriter, r *http.Request) {
	var s Shopper
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if f.Maintenance() {
		http.Error(w, "maintenance", http.StatusServiceUnavailable)
		return
	}
	if f.NewCheckout(s) {
		f.Converted(s, 42)
	}
	w.WriteHeader(http.StatusNoContent)
}
