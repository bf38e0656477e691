package main

import (
	"encoding/json"
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
