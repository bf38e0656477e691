package bookings

import (
	"os"

	"github.com/amplitude/analytics-go/amplitude"
)

var client = amplitude.NewClient(amplitude.NewConfig(os.Getenv("AMPLITUDE_API_KEY")))

type Guest struct {
	ID    string
	Email string
	City  string
}

func TrackBooking(g Guest, nights int) {
	client.Track(amplitude.Event{ // expect: pii-to-third-party user.contact.address.city
		EventType:       "Booking Made",
		UserID:          g.ID,
		EventProperties: map[string]interface{}{"nights": nights, "city": g.City},
	})
}

func IdentifyGuest(g Guest) {
	identifyObj := amplitude.Identify{}
	identifyObj.Set("email", g.Email)
	client.Identify(identifyObj, amplitude.EventOptions{UserID: g.ID}) // expect: pii-to-third-party user.contact.email
}
