package accounts

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/getsentry/sentry-go"
)

// InitSentry configures the client once at start-up.
func InitSentry() {
	if err := sentry.Init(sentry.ClientOptions{Dsn: os.Getenv("SENTRY_DSN"), TracesSampleRate: 0.2}); err != nil {
		log.Fatalf("sentry: %v", err)
	}
}

// Signup is who was signing up.
type Signup struct {
	Email string
	Phone string
}

// ReportSignupFailure attaches who was signing up to the error it sends.
func ReportSignupFailure(ctx context.Context, who Signup, err error) {
	hub := sentry.GetHubFromContext(ctx)
	if hub == nil {
		hub = sentry.CurrentHub().Clone()
	}
	hub.WithScope(func(scope *sentry.Scope) {
		scope.SetUser(sentry.User{Email: who.Email}) // expect: pii-to-third-party user.contact.email
		scope.SetExtra("phone", who.Phone) // expect: pii-to-third-party user.contact.phone_number
		scope.SetTag("flow", "signup")
		hub.CaptureException(err)
	})
}

// Flush waits for buffered events before exit.
func Flush() {
	sentry.Flush(2 * time.Second)
}
