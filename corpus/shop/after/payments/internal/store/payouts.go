package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/redis/go-redis/v9"
	"gorm.io/gorm"
)

// Payout is money sent back to a customer's bank account. GORM maps it to
// the table payouts: id, iban, amount_cents, status, created_at.
type Payout struct {
	ID          int64 `gorm:"primaryKey"`
	Iban        string
	AmountCents int64
	Status      string
	CreatedAt   time.Time
}

// Migrate creates (or completes) the payouts table.
func Migrate(gdb *gorm.DB) error {
	return gdb.AutoMigrate(&Payout{})
}

// PayoutStore reads and writes payouts with database/sql and keeps the IBAN
// each payment went to in Redis, for the support desk.
type PayoutStore struct {
	db  *sql.DB
	rdb *redis.Client
}

// NewPayoutStore wires the store to its database and cache.
func NewPayoutStore(db *sql.DB, rdb *redis.Client) *PayoutStore {
	return &PayoutStore{db: db, rdb: rdb}
}

const payoutByID = "SELECT id, iban, amount_cents, status FROM payouts WHERE id = $1"

// Find reads one payout.
func (s *PayoutStore) Find(ctx context.Context, id int64) (*Payout, error) {
	var p Payout
	row := s.db.QueryRowContext(ctx, payoutByID, id)
	if err := row.Scan(&p.ID, &p.Iban, &p.AmountCents, &p.Status); err != nil {
		return nil, err
	}
	return &p, nil
}

// Create records a pending payout to a bank account.
func (s *PayoutStore) Create(ctx context.Context, iban string, amountCents int64) error {
	_, err := s.db.ExecContext(ctx,
		"INSERT INTO payouts (iban, amount_cents, status) VALUES ($1, $2, 'pending')",
		iban, amountCents)
	return err
}

// SearchCards lists the cards whose owner's address matches a pattern,
// ignoring case. ILIKE is PostgreSQL's: SQLite cannot read this statement.
func (s *PayoutStore) SearchCards(ctx context.Context, pattern string) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, "SELECT id, last4 FROM cards WHERE email ILIKE $1", pattern)
}

// CacheIban keeps the IBAN a payment was sent to.
func (s *PayoutStore) CacheIban(ctx context.Context, paymentID, iban string) error {
	return s.rdb.Set(ctx, "payment:"+paymentID+":iban", iban, 0).Err()
}

// CachedIban reads it back ("" and redis.Nil once it expired).
func (s *PayoutStore) CachedIban(ctx context.Context, paymentID string) (string, error) {
	return s.rdb.Get(ctx, "payment:"+paymentID+":iban").Result()
}
