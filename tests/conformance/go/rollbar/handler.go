package orders

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/rollbar/rollbar-go"
)

func OrderHandler(w http.ResponseWriter, r *http.Request) {
	var b Buyer
	if err := json.NewDecoder(r.Body).Decode(&b); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	SetBuyer(b)
	if r.FormValue("address") == "" {
		OrderFailed(errors.New("no address"), b)
		rollbar.Message(rollbar.WARN, "missing address for "+r.FormValue("email")) // expect: pii-to-third-party user.contact.email
		http.Error(w, "address", http.StatusUnprocessableEntity)
		return
	}
	ReportLag(3)
	w.WriteHeader(http.StatusCreated)
}
