package main

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
)

func writePatients(w http.ResponseWriter, patients []Patient) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(patients) // expect: pii-to-response user.health_and_medical.record_id user.name user.demographic.date_of_birth
}

func writeWard(w http.ResponseWriter, ward *Ward) {
	json.NewEncoder(w).Encode(ward)
}

func logAdmission(p *Patient, ward Ward) {
	log.Printf("admitted %+v", p) // expect: pii-to-log user.health_and_medical.record_id user.name user.demographic.date_of_birth
	log.Printf("to ward %s (%d beds)", ward.Code, ward.Beds)
	log.Printf("ward of the admission: %s", p.Ward)
}

func printBand(p *Patient, w Ward) {
	fmt.Println(p.Label()) // expect: pii-to-stdout user.name user.health_and_medical.record_id
	fmt.Println(w.Label())
}
