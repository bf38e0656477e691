package signup

import (
	"encoding/json"
	"errors"
	"net/http"
)

func SignupHandler(w http.ResponseWriter, r *http.Request) {
	var f Form
	if err := json.NewDecoder(r.Body).Decode(&f); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	SignupFailed(errors.New("rejected"), r, f)
	notice := airbrake.Notice(errors.New("invalid phone"), r, 0)
	notice.Context = map[string]interface{}{"phone": f.Phone}
	airbrake.SendNotice(notice) // expect: pii-to-third-party user.contact.phone_number
	ReportTimeout(3)
	w.WriteHeader(http.StatusBadRequest)
}
