package main

import (
	"crypto/sha256"
	"encoding/hex"

	"go.uber.org/zap"
)

// Negative file: flags and lengths about personal data, not the data.
type Verification struct {
	EmailVerified bool
	PhoneVerified bool
	Email         string
}

func logVerification(logger *zap.Logger, v *Verification, password string) {
	logger.Info("verification",
		zap.Bool("email_verified", v.EmailVerified),
		zap.Bool("phone_verified", v.PhoneVerified),
		zap.Int("password_length", len(password)))
	sum := sha256.Sum256([]byte(v.Email))
	logger.Debug("verified", zap.String("email_sha256", hex.EncodeToString(sum[:])))
}
