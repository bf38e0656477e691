package checkout

import (
	"os"

	statsig "github.com/statsig-io/go-sdk"
)

func InitStatsig() {
	statsig.Initialize(os.Getenv("STATSIG_SERVER_SECRET"))
}

type Buyer struct {
	ID    string
	Email string
	City  string
}

func SeesNewPricing(b Buyer) bool {
	return statsig.CheckGate(statsig.User{UserID: b.ID, Email: b.Email}, "new_pricing") // expect: pii-to-third-party user.contact.email
}

func Purchased(b Buyer, total float64) {
	statsig.LogEvent(statsig.Event{ // expect: pii-to-third-party user.contact.address.city
		User:      statsig.User{UserID: b.ID},
		EventName: "purchase",
		Metadata:  map[string]string{"city": b.City},
	})
}
