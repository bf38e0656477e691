package main

import (
	"encoding/json"
	"io/ioutil"
	"os"
	"path/filepath"
)

type ConsentForm struct {
	PatientEmail string `json:"patient_email"`
	SignedBy     string `json:"signed_by"`
	Signed       bool   `json:"signed"`
}

func saveConsent(dir string, p *Patient) error {
	line := []byte(p.FullName + " consented\n")
	return os.WriteFile(filepath.Join(dir, p.MRN+".txt"), line, 0o600) // expect: pii-to-file user.name
}

func saveConsentJSON(dir string, email string, signed bool) error {
	form := ConsentForm{PatientEmail: email, Signed: signed}
	body, _ := json.MarshalIndent(form, "", "  ")
	return ioutil.WriteFile(filepath.Join(dir, "consent.json"), body, 0o600) // expect: pii-to-file user.contact.email
}
