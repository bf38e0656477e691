package support

import "net/http"

// Negative file: the queue's counters.
func (ix *Index) CountsHandler(w http.ResponseWriter, r *http.Request) {
	_ = ix.IndexCounts(r.Context(), 3)
	w.WriteHeader(http.StatusNoContent)
}
