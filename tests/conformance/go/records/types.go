package main

import "time"

// Patient is stored by the records service.
type Patient struct {
	MRN       string    `json:"mrn"`
	FullName  string    `json:"full_name"`
	BirthDate time.Time `json:"birth_date"`
	Ward      string    `json:"ward"`
}

type Ward struct {
	Code string `json:"code"`
	Beds int    `json:"beds"`
}

// Label is what the wristband printer receives.
func (p *Patient) Label() string {
	return p.FullName + " (" + p.MRN + ")"
}

func (w Ward) Label() string {
	return w.Code
}
