package accounts

import (
	"encoding/json"
	"net/http"

	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/codes"
)

func ProfileHandler(w http.ResponseWriter, r *http.Request) {
	ctx, span := tracer.Start(r.Context(), "profile.update")
	defer span.End()
	var p Profile
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		span.SetStatus(codes.Error, "bad body")
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	span.SetAttributes( // expect: pii-to-third-party user.contact.address
		attribute.String("profile.address", r.FormValue("address")),
		attribute.Int("profile.version", 2),
	)
	TagProfile(ctx, p)
	ctx = WithUser(ctx, p)
	if err := store(ctx, p); err != nil {
		span.RecordError(err)
		http.Error(w, "failed", http.StatusInternalServerError)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
