package main

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/sirupsen/logrus"
)

// Negative file: the fields are counts, ids and digests.
func monthlyReport(members []*Member) {
	total := 0
	for _, m := range members {
		total += m.LoyaltyPoints
		sum := sha256.Sum256([]byte(m.Email))
		logrus.WithFields(logrus.Fields{"member": m.ID, "email_sha": hex.EncodeToString(sum[:])}).Debug("counted")
	}
	logrus.WithField("members", len(members)).Infof("report: %d points", total)
}
