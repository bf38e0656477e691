package accounts

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/getsentry/sentry-go"
)

// Negative file: only hashed ids, counts and fixed text go to Sentry.
func createAccount(email string) error {
	sum := sha256.Sum256([]byte(strings.ToLower(email)))
	sentry.ConfigureScope(func(scope *sentry.Scope) {
		scope.SetUser(sentry.User{ID: hex.EncodeToString(sum[:])})
		scope.SetTag("region", "eu-west-1")
	})
	if !strings.Contains(email, "@") {
		sentry.CaptureMessage("rejected an address without @")
		return errors.New("invalid")
	}
	sentry.AddBreadcrumb(&sentry.Breadcrumb{Category: "accounts", Message: "account created"})
	return nil
}

func countFailures(failures []error) {
	sentry.ConfigureScope(func(scope *sentry.Scope) {
		scope.SetExtra("failures", len(failures))
	})
}
