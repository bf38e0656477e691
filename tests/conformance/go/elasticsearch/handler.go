package crm

import (
	"encoding/json"
	"net/http"
)

func (s *Search) SaveContactHandler(w http.ResponseWriter, r *http.Request) {
	var c Contact
	if err := json.NewDecoder(r.Body).Decode(&c); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := s.IndexContact(r.Context(), c); err != nil {
		http.Error(w, "index failed", http.StatusBadGateway)
		return
	}
	_ = s.UpdatePhone(c.ID, r.FormValue("phone"))
	_ = s.IndexStats(3)
	w.WriteHeader(http.StatusNoContent)
}
