package main

import (
	"crypto/sha256"
	"fmt"
	"log/slog"
	"time"
)

// Negative file: the attributes are ids, counts and digests.
func reportBatch(customers []*Customer, took time.Duration) {
	slog.Info("batch done", "count", len(customers), "took", took)
	for _, c := range customers {
		slog.Debug("processed", "customer", c.ID, "email_sha", fmt.Sprintf("%x", sha256.Sum256([]byte(c.Email))))
	}
	logger.Info("batch finished", slog.Int("failed", 0))
}
