package shop

import "github.com/posthog/posthog-go"

// Negative file: flag exposures for a service account.
func FlagSeen(flag string) error {
	return client.Enqueue(posthog.Capture{
		DistinctId: "service-account",
		Event:      "$feature_flag_called",
		Properties: posthog.Properties{"$feature_flag": flag},
	})
}
