package signup

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
	_ = Identify(c)
	_ = TrackSignup(c)
	_ = TrackPlan("pro")
	w.WriteHeader(http.StatusCreated)
}
