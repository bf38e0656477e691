package verify

import (
	"os"

	messagebird "github.com/messagebird/go-rest-api/v9"
	"github.com/messagebird/go-rest-api/v9/sms"
)

var client = messagebird.New(os.Getenv("MESSAGEBIRD_ACCESS_KEY"))

func SendCode(phone, code string) error {
	_, err := sms.Create(client, "Shop", []string{phone}, "Your code is "+code, nil) // expect: pii-to-third-party user.contact.phone_number
	return err
}

func PageOncall(problem string) error {
	_, err := sms.Create(client, "Ops", []string{os.Getenv("ONCALL_NUMBER")}, "alert: "+problem, nil)
	return err
}
