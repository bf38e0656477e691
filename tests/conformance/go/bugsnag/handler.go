package payments

import (
	"encoding/json"
	"errors"
	"net/http"
)

func PayHandler(w http.ResponseWriter, r *http.Request) {
	var p Payer
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	PaymentFailed(errors.New("declined"), p)
	SlowProvider(r, 1.4)
	w.WriteHeader(http.StatusPaymentRequired)
}
