package mail

import (
	"encoding/json"
	"net/http"
)

func SignupHandler(w http.ResponseWriter, r *http.Request) {
	var c Customer
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := SendWelcome(c); err != nil {
		http.Error(w, "mail failed", http.StatusBadGateway)
		return
	}
	_ = SendDigest(1)
	w.WriteHeader(http.StatusCreated)
}
