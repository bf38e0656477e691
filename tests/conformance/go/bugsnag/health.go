package payments

import (
	"errors"
	"net/http"

	"github.com/bugsnag/bugsnag-go/v2"
)

// Negative file: provider latency.
func SlowProvider(r *http.Request, seconds float64) {
	bugsnag.Notify(errors.New("provider slow"), r.Context(), bugsnag.MetaData{"provider": {"name": "acme-pay", "seconds": seconds}})
}
