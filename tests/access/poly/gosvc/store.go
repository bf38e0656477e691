package main

import "context"

func (s *Store) Get(ctx context.Context, id string) {
	row := s.db.QueryRowContext(ctx, "SELECT email FROM users WHERE id = $1", id)
	var email string
	row.Scan(&email)
	log.Printf("email %s", email)
	s.db.Exec("UPDATE orders SET total = $1 WHERE id = $2", 3, id)
	s.db.QueryContext(ctx, "SELECT email FROM users WHERE email ILIKE $1", id)
	s.rdb.Set(ctx, "payment:"+id+":iban", "x", 0)
}
