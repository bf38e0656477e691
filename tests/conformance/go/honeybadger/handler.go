package uploads

import (
	"encoding/json"
	"errors"
	"net/http"
)

func UploadHandler(w http.ResponseWriter, r *http.Request) {
	var u Uploader
	if err := json.NewDecoder(r.Body).Decode(&u); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	WithUploader(u)
	ImportFailed(errors.New("bad row"), u)
	ReportSlow(2.5)
	w.WriteHeader(http.StatusAccepted)
}
