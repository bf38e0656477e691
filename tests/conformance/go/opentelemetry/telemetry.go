package accounts

import (
	"context"

	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/attribute"
	"go.opentelemetry.io/otel/baggage"
	"go.opentelemetry.io/otel/trace"
)

var tracer = otel.Tracer("example.com/accounts")

type Profile struct {
	Email    string
	Phone    string
	Username string
}

// TagProfile puts the profile on the request's span.
func TagProfile(ctx context.Context, p Profile) {
	span := trace.SpanFromContext(ctx)
	span.SetAttributes(attribute.String("enduser.email", p.Email)) // expect: pii-to-third-party user.contact.email
	trace.SpanFromContext(ctx).AddEvent("profile.loaded", trace.WithAttributes(attribute.String("enduser.phone", p.Phone))) // expect: pii-to-third-party user.contact.phone_number
}

// WithUser carries the username to downstream services in baggage.
func WithUser(ctx context.Context, p Profile) context.Context {
	member, _ := baggage.NewMember("enduser.username", p.Username) // expect: pii-to-third-party user.account.username
	bag, _ := baggage.New(member)
	return baggage.ContextWithBaggage(ctx, bag)
}
