package directory

import (
	"encoding/json"
	"net/http"
)

func SaveMemberHandler(w http.ResponseWriter, r *http.Request) {
	var m Member
	if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	if err := IndexMember(m); err != nil {
		http.Error(w, "index failed", http.StatusBadGateway)
		return
	}
	_ = UpdatePhone(m.ObjectID, r.FormValue("phone"))
	_ = SyncTeams()
	w.WriteHeader(http.StatusNoContent)
}
