package marketplace

import (
	"encoding/json"
	"net/http"
)

func SellerHandler(w http.ResponseWriter, r *http.Request) {
	var s Seller
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = IndexSeller(s)
	_ = UpdateSellerPhone(s.ID, r.FormValue("phone"))
	_ = IndexListings()
	w.WriteHeader(http.StatusNoContent)
}
