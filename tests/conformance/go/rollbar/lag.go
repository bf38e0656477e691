package orders

import "github.com/rollbar/rollbar-go"

// Negative file: queue lag warnings.
func ReportLag(seconds int) {
	if seconds > 10 {
		rollbar.Warning("queue lag above threshold", map[string]interface{}{"seconds": seconds})
	}
	rollbar.Info("lag check done")
}
