package orders

import (
	"encoding/json"
	"net/http"
)

func OrderHandler(w http.ResponseWriter, r *http.Request) {
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = SendReceipt(r.Context(), o)
	_ = AddContact(r.Context(), o)
	_ = SendReport(r.Context(), 40)
	w.WriteHeader(http.StatusCreated)
}
