package mail

import (
	"fmt"

	"github.com/mailjet/mailjet-apiv3-go/v4"
)

// Negative file: the ops digest to a fixed address.
func SendDigest(signups int) error {
	info := []mailjet.InfoMessagesV31{{
		From:     &mailjet.RecipientV31{Email: "ops@shop.example"},
		To:       &mailjet.RecipientsV31{mailjet.RecipientV31{Email: "team@shop.example"}},
		Subject:  "Daily digest",
		TextPart: fmt.Sprintf("%d signups today", signups),
	}}
	messages := mailjet.MessagesV31{Info: info}
	_, err := mailjetClient.SendMailV31(&messages)
	return err
}
