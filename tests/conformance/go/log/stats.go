package main

import (
	"crypto/sha256"
	"encoding/hex"
	"log"
	"time"
)

// Negative file: sizes, durations and digests.
func logStats(users []*User, started time.Time) {
	log.Printf("loaded %d users in %s", len(users), time.Since(started))
	for _, u := range users {
		sum := sha256.Sum256([]byte(u.Email))
		log.Printf("user %d digest %s", u.ID, hex.EncodeToString(sum[:]))
	}
	log.Println("stats done")
}
