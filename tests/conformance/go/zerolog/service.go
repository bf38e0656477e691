package main

import (
	"net/http"
	"os"

	"github.com/rs/zerolog"
)

type Service struct {
	logger zerolog.Logger
}

func NewService() *Service {
	logger := zerolog.New(os.Stdout).With().Timestamp().Str("service", "shipping").Logger()
	return &Service{logger: logger}
}

func (s *Service) Ship(r *http.Request) {
	phone := r.FormValue("phone")
	s.logger.Info().Str("phone", phone).Msg("shipment booked") // expect: pii-to-log user.contact.phone_number
	s.logger.Info().Int("items", len(r.Form)).Msg("shipment items")
	reqLogger := s.logger.With().Str("email", r.FormValue("email")).Logger()
	reqLogger.Info().Msg("confirmation queued") // expect: pii-to-log user.contact.email
	reqLogger.Error().Str("street", r.FormValue("street")).Send() // expect: pii-to-log user.contact.address.street user.contact.email
}

func (s *Service) Cancel(shipment *Shipment) {
	sub := s.logger.With().Str("shipment", shipment.ID).Logger()
	sub.Info().Msg("cancelled")
	sub.Info().Bool("had_phone", shipment.Phone != "").Msg("cancel details")
}
