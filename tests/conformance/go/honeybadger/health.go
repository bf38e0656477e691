package uploads

import (
	"errors"

	"github.com/honeybadger-io/honeybadger-go"
)

// Negative file: slowness reports.
func ReportSlow(seconds float64) {
	if seconds > 2 {
		honeybadger.Notify(errors.New("upload slower than 2s"), honeybadger.Context{"seconds": seconds})
	}
}
