package signup

import (
	"os"

	"github.com/segmentio/analytics-go/v3"
)

var client = analytics.New(os.Getenv("SEGMENT_WRITE_KEY"))

type Customer struct {
	ID    string
	Email string
	Phone string
}

func Identify(c Customer) error {
	return client.Enqueue(analytics.Identify{ // expect: pii-to-third-party user.contact.email
		UserId: c.ID,
		Traits: analytics.NewTraits().SetEmail(c.Email),
	})
}

func TrackSignup(c Customer) error {
	return client.Enqueue(analytics.Track{ // expect: pii-to-third-party user.contact.phone_number
		UserId:     c.ID,
		Event:      "Signed Up",
		Properties: analytics.Properties{"phone": c.Phone},
	})
}
