package checkout

import (
	"os"

	libhoney "github.com/honeycombio/libhoney-go"
)

// InitHoney configures the default client.
func InitHoney() error {
	return libhoney.Init(libhoney.Config{APIKey: os.Getenv("HONEYCOMB_API_KEY"), Dataset: "checkout"})
}

type Order struct {
	Email string
	Phone string
	Items int
}

// OrderEvent sends one wide event per order.
func OrderEvent(o Order, durationMs float64) error {
	ev := libhoney.NewEvent()
	ev.AddField("duration_ms", durationMs)
	ev.AddField("customer.email", o.Email) // expect: pii-to-third-party user.contact.email
	ev.Add(map[string]interface{}{"customer.phone": o.Phone, "items": o.Items}) // expect: pii-to-third-party user.contact.phone_number
	return ev.Send()
}
