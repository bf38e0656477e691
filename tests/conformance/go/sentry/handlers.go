package accounts

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/getsentry/sentry-go"
)

type signupRequest struct {
	Email    string `json:"email"`
	Phone    string `json:"phone"`
	Username string `json:"username"`
}

func SignupHandler(w http.ResponseWriter, r *http.Request) {
	var req signupRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	sentry.ConfigureScope(func(scope *sentry.Scope) {
		scope.SetUser(sentry.User{Username: req.Username, IPAddress: r.RemoteAddr}) // expect: pii-to-third-party user.account.username user.device.ip_address
	})
	sentry.AddBreadcrumb(&sentry.Breadcrumb{Category: "auth", Message: "signup " + req.Email}) // expect: pii-to-third-party user.contact.email
	if err := createAccount(req.Email); err != nil {
		ReportSignupFailure(r.Context(), Signup{Email: req.Email, Phone: req.Phone}, err)
		sentry.CaptureMessage(fmt.Sprintf("signup failed for %s", req.Email)) // expect: pii-to-third-party user.contact.email
		http.Error(w, "failed", http.StatusInternalServerError)
		return
	}
	if hub := sentry.GetHubFromContext(r.Context()); hub != nil {
		hub.Scope().SetTag("phone", req.Phone) // expect: pii-to-third-party user.contact.phone_number
	}
	w.WriteHeader(http.StatusCreated)
}
