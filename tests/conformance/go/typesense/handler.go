package hotel

import (
	"encoding/json"
	"net/http"
)

func BookingHandler(w http.ResponseWriter, r *http.Request) {
	var g Guest
	if err := json.NewDecoder(r.Body).Decode(&g); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	_ = IndexGuest(r.Context(), g)
	_ = UpsertPhone(r.Context(), g.ID, r.FormValue("phone"))
	_ = IndexRooms(r.Context())
	w.WriteHeader(http.StatusCreated)
}
