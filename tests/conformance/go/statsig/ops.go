package checkout

import statsig "github.com/statsig-io/go-sdk"

// Negative file: a gate for the service itself.
func RegionEnabled(region string) bool {
	service := statsig.User{UserID: "checkout-service", Custom: map[string]interface{}{"region": region}}
	return statsig.CheckGate(service, "region_enabled")
}
