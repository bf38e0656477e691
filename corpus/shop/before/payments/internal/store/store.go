// Package store keeps cards and receipts in PostgreSQL.
package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"strings"
)

// Card is a card on file.
type Card struct {
	ID         int64  `json:"id"`
	CardNumber string `json:"card_number"`
	Last4      string `json:"last4"`
	Email      string `json:"email"`
}

// SaveCard keeps the full card number for later charges (PCI scope).
func SaveCard(ctx context.Context, db *sql.DB, number, last4 string) (int64, error) {
	res, err := db.ExecContext(ctx,
		"INSERT INTO cards (number, last4) VALUES ($1, $2)", number, last4)
	if err != nil {
		return 0, fmt.Errorf("save card: %w", err)
	}
	return res.LastInsertId()
}

// SaveReceipt stores a receipt under a hash of the customer's address.
func SaveReceipt(ctx context.Context, db *sql.DB, address string, amountCents int64) error {
	sum := sha256.Sum256([]byte(strings.ToLower(address)))
	_, err := db.ExecContext(ctx,
		"INSERT INTO receipts (email_sha256, amount_cents) VALUES ($1, $2)",
		hex.EncodeToString(sum[:]), amountCents)
	return err
}

// FindCard reads a card on file.
func FindCard(ctx context.Context, db *sql.DB, id int64) (*Card, error) {
	var last4, owner string
	row := db.QueryRowContext(ctx, "SELECT last4, email FROM cards WHERE id = $1", id)
	if err := row.Scan(&last4, &owner); err != nil {
		return nil, fmt.Errorf("find card %d: %w", id, err)
	}
	return &Card{ID: id, Last4: last4, Email: owner}, nil
}
