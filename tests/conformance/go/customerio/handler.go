package cart

import (
	"encoding/json"
	"net/http"
)

func CartHandler(w http.ResponseWriter, r *http.Request) {
	var c Customer
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = Identify(c)
	_ = CartAbandoned(c)
	_ = CampaignSent("spring")
	w.WriteHeader(http.StatusNoContent)
}
