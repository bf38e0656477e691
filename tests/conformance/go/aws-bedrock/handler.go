package assistant

import "net/http"

func (a *Assistant) DraftHandler(w http.ResponseWriter, r *http.Request) {
	if err := a.DraftReply(r.Context(), r.FormValue("email"), r.FormValue("subject")); err != nil {
		http.Error(w, "failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
