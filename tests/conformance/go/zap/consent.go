package main

import (
	"net/http"

	"example.com/identity/internal/logging"
	"go.uber.org/zap"
)

func consentHandler(w http.ResponseWriter, r *http.Request) {
	logging.Audit.Info("consent given", zap.String("email", r.FormValue("email"))) // todo: pii-to-log user.contact.email (a logger held by a package-level variable of another package: what made it is not followed across packages)
	logging.Audit.Info("consent stored", zap.Int("version", 2))
	logging.Sugar().Infow("consent channel", "phone", r.FormValue("phone")) // expect: pii-to-log user.contact.phone_number
	w.WriteHeader(http.StatusNoContent)
}
