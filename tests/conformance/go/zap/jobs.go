package main

import (
	"crypto/sha256"
	"encoding/hex"
	"time"

	"go.uber.org/zap"
)

// Negative file: durations, counts, ids and a digest.
type Cleanup struct {
	log *zap.Logger
}

func (c *Cleanup) Run(profiles []*Profile, started time.Time) {
	c.log.Info("cleanup started", zap.Int("profiles", len(profiles)))
	for _, p := range profiles {
		sum := sha256.Sum256([]byte(p.Email))
		c.log.Debug("profile checked", zap.String("profile", p.ID), zap.String("email_digest", hex.EncodeToString(sum[:])))
	}
	c.log.Info("cleanup done", zap.Duration("took", time.Since(started)))
	zap.S().Infof("%d profiles kept", len(profiles))
}
