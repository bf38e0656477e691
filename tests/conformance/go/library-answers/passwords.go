package reminders

import (
	"log/slog"

	"github.com/nbutton23/zxcvbn-go"
)

// StrongEnough estimates a new password's strength.
func StrongEnough(log *slog.Logger, password string) bool {
	result := zxcvbn.PasswordStrength(password, nil)
	// an estimate about the password, not the password
	log.Info("password strength", "score", result.Score, "crack_time", result.CrackTimeDisplay)
	return result.Score >= 3
}
