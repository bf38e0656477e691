package main

import (
	"net/http"

	"github.com/rs/zerolog"
	"github.com/rs/zerolog/log"
)

// withRequestLogger puts a logger carrying the caller's address in the request context.
func withRequestLogger(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		l := log.With().Str("path", r.URL.Path).Logger()
		next.ServeHTTP(w, r.WithContext(l.WithContext(r.Context())))
	})
}

func trackHandler(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	log.Ctx(ctx).Info().Str("email", r.FormValue("email")).Msg("tracking requested") // expect: pii-to-log user.contact.email
	zerolog.Ctx(ctx).Debug().Str("shipment", r.FormValue("shipment")).Msg("tracking lookup")
	zerolog.Ctx(ctx).Warn().Str("phone", r.FormValue("phone")).Send() // expect: pii-to-log user.contact.phone_number
	w.WriteHeader(http.StatusAccepted)
}
