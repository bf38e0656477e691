package notify

import (
	"encoding/json"
	"net/http"
)

func (n *Notifier) VerifyHandler(w http.ResponseWriter, r *http.Request) {
	var o Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = n.SMSCode(r.Context(), r.FormValue("phone"), "123456")
	_ = n.OrderPlaced(r.Context(), o)
	_ = n.StockAlert(r.Context(), "sku-1", 2)
	w.WriteHeader(http.StatusNoContent)
}
