package signup

import "github.com/segmentio/analytics-go/v3"

// Negative file: anonymous plan events.
func TrackPlan(plan string) error {
	return client.Enqueue(analytics.Track{
		AnonymousId: "server",
		Event:       "Plan Viewed",
		Properties:  analytics.NewProperties().Set("plan", plan).SetCurrency("EUR"),
	})
}
