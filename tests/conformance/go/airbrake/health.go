package signup

import "fmt"

// Negative file: provider timeouts.
func ReportTimeout(seconds int) {
	if seconds > 2 {
		airbrake.Notify(fmt.Errorf("mail provider took %ds", seconds), nil)
	}
}
