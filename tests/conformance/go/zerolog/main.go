package main

import (
	"net/http"
	"os"
	"time"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

type Shipment struct {
	ID              string
	FullName        string
	ShippingAddress string
	PostalCode      string
	Phone           string
	Weight          float64
}

func main() {
	zerolog.TimeFieldFormat = zerolog.TimeFormatUnix
	log.Logger = log.Output(zerolog.ConsoleWriter{Out: os.Stderr, TimeFormat: time.RFC3339})
	svc := NewService()
	http.HandleFunc("/ship", func(w http.ResponseWriter, r *http.Request) {
		svc.Ship(r)
	})
	log.Fatal().Err(http.ListenAndServe(":8080", nil)).Msg("server stopped")
}

func track(s *Shipment) {
	log.Info().Str("shipment", s.ID).Float64("kg", s.Weight).Msg("tracking")
	log.Debug().Str("address", s.ShippingAddress).Msg("tracking address") // expect: pii-to-log user.contact.address
	log.Warn().Msgf("delayed shipment for %s", s.FullName)                // expect: pii-to-log user.name
	event := log.Info().Str("zip", s.PostalCode)
	event.Send() // expect: pii-to-log user.contact.address.postal_code
}
