package main

import (
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"strings"

	"example.com/shop/payments/internal/store"
)

// ChargeRequest is the body of POST /charges.
type ChargeRequest struct {
	CardNumber     string `json:"card_number"`
	CVC            string `json:"cvc"`
	ExpiryMonth    int    `json:"exp_month"`
	ExpiryYear     int    `json:"exp_year"`
	Email          string `json:"email,omitempty"`
	AmountCents    int64  `json:"amount_cents"`
	Currency       string `json:"currency"`
	IdempotencyKey string `json:"-"`
}

// ChargeResponse is what POST /charges answers.
type ChargeResponse struct {
	ID     int64  `json:"id"`
	Status string `json:"status"`
	Email  string `json:"email"`
}

// RefundRequest is the body of POST /refunds.
type RefundRequest struct {
	ChargeID    int64  `json:"charge_id"`
	AmountCents int64  `json:"amount_cents"`
	Email       string `json:"email"`
}

// Handler serves the payment endpoints.
type Handler struct {
	db     *sql.DB
	logger *log.Logger
}

// Charge authorizes a payment with the gateway and keeps the card on file.
func (h *Handler) Charge(w http.ResponseWriter, r *http.Request) {
	var req ChargeRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "invalid body", http.StatusBadRequest)
		return
	}
	if req.CardNumber == "" || !strings.HasPrefix(req.Currency, "EU") {
		http.Error(w, "card and currency required", http.StatusBadRequest)
		return
	}
	h.logger.Printf("charge requested: %d %s", req.AmountCents, req.Currency)
	h.logger.Printf("charge for customer %s", req.Email)
	h.logger.Printf("charging card %s", maskCard(req.CardNumber))

	auth, err := authorize(req)
	if err != nil {
		h.logger.Printf("authorize failed: %v", err)
		http.Error(w, "payment declined", http.StatusPaymentRequired)
		return
	}
	cardID, err := store.SaveCard(r.Context(), h.db, req.CardNumber, maskCard(req.CardNumber))
	if err != nil {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	if err := store.SaveReceipt(r.Context(), h.db, req.Email, req.AmountCents); err != nil {
		h.logger.Printf("receipt not saved: %v", err)
	}

	http.SetCookie(w, &http.Cookie{Name: "receipt_email", Value: req.Email, HttpOnly: true})
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(ChargeResponse{ID: cardID, Status: auth.Status, Email: req.Email})
}

// Refund records a refund and tells the customer.
func (h *Handler) Refund(w http.ResponseWriter, r *http.Request) {
	var req RefundRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "invalid body", http.StatusBadRequest)
		return
	}
	h.logger.Printf("refund of %d cents on charge %d", req.AmountCents, req.ChargeID)
	h.notify(req.Email)
	w.WriteHeader(http.StatusNoContent)
}

func (h *Handler) notify(recipient string) {
	h.logger.Printf("refund receipt sent to %s", recipient)
}

// maskCard keeps the last four digits.
func maskCard(number string) string {
	if len(number) < 4 {
		return "****"
	}
	return strings.Repeat("*", len(number)-4) + number[len(number)-4:]
}
