package bookings

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
	TrackBooking(g, 2)
	IdentifyGuest(g)
	TrackInventory(12)
	w.WriteHeader(http.StatusCreated)
}
