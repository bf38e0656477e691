package verify

import "net/http"

func VerifyHandler(w http.ResponseWriter, r *http.Request) {
	if err := SendCode(r.FormValue("phone"), "123456"); err != nil {
		http.Error(w, "sms failed", http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
