package cart

import (
	"os"

	"github.com/customerio/go-customerio/v3"
)

var track = customerio.NewTrackClient(os.Getenv("CIO_SITE_ID"), os.Getenv("CIO_API_KEY"), customerio.WithRegion(customerio.RegionEU))

type Customer struct {
	ID    string
	Email string
	Phone string
}

func Identify(c Customer) error {
	return track.Identify(c.ID, map[string]interface{}{"email": c.Email, "plan": "pro"}) // expect: pii-to-third-party user.contact.email
}

func CartAbandoned(c Customer) error {
	return track.Track(c.ID, "cart_abandoned", map[string]interface{}{"phone": c.Phone}) // expect: pii-to-third-party user.contact.phone_number
}
