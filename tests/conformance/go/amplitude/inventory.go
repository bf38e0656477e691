package bookings

import "github.com/amplitude/analytics-go/amplitude"

// Negative file: device-level inventory samples.
func TrackInventory(roomsLeft int) {
	client.Track(amplitude.Event{
		EventType:       "Inventory Sampled",
		DeviceID:        "server-1",
		EventProperties: map[string]interface{}{"rooms_left": roomsLeft},
	})
}
