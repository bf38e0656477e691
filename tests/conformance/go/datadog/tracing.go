package checkout

import (
	"context"

	"gopkg.in/DataDog/dd-trace-go.v1/ddtrace/tracer"
)

type Customer struct {
	ID      string
	Email   string
	Phone   string
	Address string
}

// TagCustomer annotates the request's span with the customer.
func TagCustomer(ctx context.Context, c Customer) {
	span, ok := tracer.SpanFromContext(ctx)
	if !ok {
		return
	}
	span.SetTag("customer.id", c.ID)
	span.SetTag("customer.email", c.Email) // expect: pii-to-third-party user.contact.email
	tracer.SetUser(span, c.ID, tracer.WithUserEmail(c.Email)) // expect: pii-to-third-party user.contact.email
}

// Ship records where the order goes.
func Ship(ctx context.Context, c Customer) error {
	span, ctx := tracer.StartSpanFromContext(ctx, "checkout.ship")
	defer span.Finish()
	span.SetTag("shipping.address", c.Address) // expect: pii-to-third-party user.contact.address
	return notify(ctx, c)
}
