package shop

import (
	"context"
	"os"

	"github.com/mixpanel/mixpanel-go"
)

var mp = mixpanel.NewApiClient(os.Getenv("MIXPANEL_TOKEN"))

type Buyer struct {
	ID    string
	Email string
	City  string
}

func TrackPurchase(ctx context.Context, b Buyer, total float64) error {
	return mp.Track(ctx, []*mixpanel.Event{
		mp.NewEvent("Purchase", b.ID, map[string]any{"total": total, "city": b.City}), // expect: pii-to-third-party user.contact.address.city
	})
}

func SetProfile(ctx context.Context, b Buyer) error {
	return mp.PeopleSet(ctx, []*mixpanel.PeopleProperties{
		mixpanel.NewPeopleProperties(b.ID, map[string]any{"$email": b.Email}), // expect: pii-to-third-party user.contact.email
	})
}
