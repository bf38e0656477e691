package checkout

import (
	"context"
	"crypto/sha256"
	"encoding/hex"

	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

// Negative file: tags are fixed labels, counts and a hash.
func notify(ctx context.Context, c Customer) error {
	span, _ := tracer.StartSpanFromContext(ctx, "checkout.notify")
	defer span.Finish()
	sum := sha256.Sum256([]byte(c.Email))
	span.SetTag("customer.ref", hex.EncodeToString(sum[:]))
	span.SetTag("channel", "email")
	span.SetTag("attempts", 1)
	return nil
}
