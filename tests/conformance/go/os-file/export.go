package main

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"os"
)

type Patient struct {
	MRN       string
	FullName  string
	Email     string
	Diagnosis string
}

func exportJSON(patients []Patient) error {
	data, err := json.Marshal(patients)
	if err != nil {
		return err
	}
	return os.WriteFile("/srv/export/patients.json", data, 0o600) // expect: pii-to-file user.health_and_medical.record_id user.name user.contact.email user.health_and_medical
}

func appendContact(p *Patient) error {
	f, err := os.OpenFile("/srv/export/contacts.txt", os.O_APPEND|os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = f.WriteString(p.FullName + " <" + p.Email + ">\n") // expect: pii-to-file user.name user.contact.email
	return err
}

func exportCSV(patients []Patient) error {
	out, err := os.Create("/srv/export/diagnoses.csv")
	if err != nil {
		return err
	}
	defer out.Close()
	w := csv.NewWriter(out)
	for _, p := range patients {
		if err := w.Write([]string{p.MRN, p.Diagnosis}); err != nil { // expect: pii-to-file user.health_and_medical.record_id user.health_and_medical
			return err
		}
	}
	w.Flush()
	bw := bufio.NewWriter(out)
	bw.WriteString(patients[0].Email + "\n") // expect: pii-to-file user.contact.email
	return bw.Flush()
}
