package accounts

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"go.opentelemetry.io/otel/attribute"
)

// Negative file: the store's spans name the table and a hashed key.
func store(ctx context.Context, p Profile) error {
	_, span := tracer.Start(ctx, "db.update")
	defer span.End()
	sum := sha256.Sum256([]byte(p.Email))
	span.SetAttributes(
		attribute.String("db.system", "postgresql"),
		attribute.String("db.sql.table", "profiles"),
		attribute.String("profile.key", hex.EncodeToString(sum[:])),
	)
	span.AddEvent("updated")
	return nil
}
