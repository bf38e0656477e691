package cart

// Negative file: anonymous campaign events.
func CampaignSent(name string) error {
	return track.TrackAnonymous("server", "campaign_sent", map[string]interface{}{"campaign": name})
}
