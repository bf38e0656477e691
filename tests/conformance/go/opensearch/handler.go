package support

import (
	"net/http"
)

func (ix *Index) CreateTicketHandler(w http.ResponseWriter, r *http.Request) {
	t := Ticket{ID: r.FormValue("id"), Subject: r.FormValue("subject"), Email: r.FormValue("email")}
	if err := ix.IndexTicket(r.Context(), t); err != nil {
		http.Error(w, "failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusCreated)
}
