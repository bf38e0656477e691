// Command payments charges cards for the shop and keeps the cards on file.
package main

import (
	"database/sql"
	"encoding/json"
	"log"
	"net/http"
	"os"

	_ "github.com/lib/pq"

	"example.com/shop/payments/internal/store"
)

// LookupRequest is the body of POST /cards/lookup.
type LookupRequest struct {
	CardID int64 `json:"card_id"`
}

func main() {
	addr := os.Getenv("PAYMENTS_ADDR")
	if addr == "" {
		addr = ":8080"
	}
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	h := &Handler{db: db, logger: log.New(os.Stderr, "payments ", log.LstdFlags)}

	http.HandleFunc("/charges", h.Charge)
	http.HandleFunc("/refunds", h.Refund)
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok"))
	})
	// Support tool: who owns a card on file? Answers with the owner's email.
	http.HandleFunc("/cards/lookup", func(w http.ResponseWriter, r *http.Request) {
		var q LookupRequest
		if err := json.NewDecoder(r.Body).Decode(&q); err != nil {
			http.Error(w, "invalid body", http.StatusBadRequest)
			return
		}
		card, err := store.FindCard(r.Context(), db, q.CardID)
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/plain")
		w.Write([]byte(card.Email))
	})

	log.Printf("payments listening on %s", addr)
	log.Fatal(http.ListenAndServe(addr, nil))
}
