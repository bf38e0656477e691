package main

import (
	"crypto/sha256"
	"encoding/hex"
	"html/template"
	"io"
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

// Render fills the welcome mail; a failure is logged without the data.
func Render(tmpl *template.Template, w io.Writer, email string) {
	err := tmpl.Execute(w, map[string]string{"email": email})
	if err != nil {
		log.Printf("welcome template failed: %v", err)
	}
	rendErr := tmpl.ExecuteTemplate(w, "footer", email)
	log.Printf("footer: %v", rendErr)
}
