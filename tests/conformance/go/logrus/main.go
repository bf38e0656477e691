package main

import (
	"net/http"
	"os"

	log "github.com/sirupsen/logrus"
)

type Member struct {
	ID            string
	Email         string
	MobileNumber  string
	DateOfBirth   string
	LoyaltyPoints int
}

func init() {
	log.SetFormatter(&log.JSONFormatter{})
	log.SetOutput(os.Stdout)
	log.SetLevel(log.InfoLevel)
}

func enrollHandler(w http.ResponseWriter, r *http.Request) {
	log.WithFields(log.Fields{ // expect: pii-to-log user.contact.email
		"email":  r.FormValue("email"),
		"source": "web",
	}).Info("enrollment started")
	log.Infof("enrollment for mobile %s", r.FormValue("mobile")) // expect: pii-to-log user.contact.phone_number
	log.WithField("points", 0).Info("enrollment done")
	w.WriteHeader(http.StatusCreated)
}

func birthdayBonus(m *Member) {
	entry := log.WithField("member", m.ID)
	entry.Info("birthday bonus")
	entry.WithField("dob", m.DateOfBirth).Warn("bonus already granted") // expect: pii-to-log user.demographic.date_of_birth
	log.Errorf("bonus failed for %s", m.Email) // expect: pii-to-log user.contact.email
}
