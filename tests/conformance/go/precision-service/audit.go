package main

import (
	"crypto/sha256"
	"encoding/hex"
	"log"
	"strconv"
)

// Audit writes one line per sign-up; the address is kept only as a digest.
func Audit(email string, attempts int) {
	sum := sha256.Sum256([]byte(email))
	log.Printf("signup digest=%s", hex.EncodeToString(sum[:]))
	_, err := strconv.ParseBool(email)
	if err != nil {
		log.Printf("not a flag: %v", err)
	}
	log.Printf("attempts=%s", strconv.Itoa(attempts))
}
