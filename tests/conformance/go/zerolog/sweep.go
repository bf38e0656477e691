package main

import (
	"crypto/sha256"
	"fmt"
	"time"

	"github.com/rs/zerolog/log"
)

// Negative file: sweep statistics.
func sweep(shipments []*Shipment, started time.Time) {
	log.Info().Int("count", len(shipments)).Dur("took", time.Since(started)).Msg("sweep done")
	for _, s := range shipments {
		log.Debug().Str("shipment", s.ID).Str("to", fmt.Sprintf("%x", sha256.Sum256([]byte(s.ShippingAddress)))).Send()
	}
}
