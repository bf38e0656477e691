package mail

import (
	"os"

	"github.com/mailjet/mailjet-apiv3-go/v4"
)

var mailjetClient = mailjet.NewMailjetClient(os.Getenv("MJ_APIKEY_PUBLIC"), os.Getenv("MJ_APIKEY_PRIVATE"))

type Customer struct {
	Email string
	Name  string
}

func SendWelcome(c Customer) error {
	info := []mailjet.InfoMessagesV31{{
		From:       &mailjet.RecipientV31{Email: "hello@shop.example", Name: "Shop"},
		To:         &mailjet.RecipientsV31{mailjet.RecipientV31{Email: c.Email}},
		TemplateID: 4242,
	}}
	messages := mailjet.MessagesV31{Info: info}
	_, err := mailjetClient.SendMailV31(&messages) // expect: pii-to-third-party user.contact.email
	return err
}
