package main

import (
	"context"
	"log/slog"
	"net/http"
	"os"
)

type Customer struct {
	ID          string
	Email       string
	PhoneNumber string
	CardNumber  string
	BirthDate   string
}

var logger = slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelDebug}))

func invoiceHandler(w http.ResponseWriter, r *http.Request) {
	email := r.URL.Query().Get("email")
	slog.Info("invoice requested", "email", email) // expect: pii-to-log user.contact.email
	slog.Debug("invoice query", "params", len(r.URL.Query()))
	reqLog := logger.With("path", r.URL.Path)
	reqLog.Info("serving invoice", slog.String("phone", r.FormValue("phone"))) // expect: pii-to-log user.contact.phone_number
	reqLog.Info("invoice served")
	w.WriteHeader(http.StatusOK)
}

func charge(ctx context.Context, c *Customer, amount int64) error {
	logger.InfoContext(ctx, "charging customer", "customer", c.ID, "amount", amount)
	if amount <= 0 {
		logger.ErrorContext(ctx, "invalid amount", slog.String("card", c.CardNumber)) // expect: pii-to-log user.financial.credit_card
	}
	cl := logger.With(slog.Group("customer", slog.String("email", c.Email)))
	cl.Warn("charge retried") // expect: pii-to-log user.contact.email
	logger.LogAttrs(ctx, slog.LevelInfo, "charged", slog.String("dob", c.BirthDate)) // expect: pii-to-log user.demographic.date_of_birth
	return nil
}

func main() {
	slog.SetDefault(logger)
	http.HandleFunc("/invoice", invoiceHandler)
	slog.Error("server stopped", "err", http.ListenAndServe(":8080", nil))
}
