package main

import (
	"net/http"

	"example.com/identity/internal/logging"
	"go.uber.org/zap"
)

func consentHandler(w http.ResponseWriter, r *http.Request) {
	logging.Audit.Info("consent given", zap.String("email", r.FormValue("email"))) // expect: pii-to-log user.contact.email
	logging.Audit.Info("consent stored", zap.Int("version", 2))
	logging.Sugar().Infow("consent channel", "phone", r.FormValue("phone")) // expect: pii-to-log user.contact.phone_number
	w.WriteHeader(http.StatusNoContent)
}
