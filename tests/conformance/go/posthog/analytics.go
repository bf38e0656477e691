package shop

import (
	"os"

	"github.com/posthog/posthog-go"
)

var client = posthog.New(os.Getenv("POSTHOG_API_KEY"))

type Customer struct {
	ID    string
	Email string
	City  string
}

func Identify(c Customer) error {
	return client.Enqueue(posthog.Identify{ // expect: pii-to-third-party user.contact.email
		DistinctId: c.ID,
		Properties: posthog.Properties{"email": c.Email},
	})
}

func Purchased(c Customer) error {
	return client.Enqueue(posthog.Capture{ // expect: pii-to-third-party user.contact.address.city
		DistinctId: c.ID,
		Event:      "purchase completed",
		Properties: posthog.Properties{"city": c.City},
	})
}
