package main

import (
	"log"
	"strings"
)

func lastFour(card string) string {
	return card[len(card)-4:]
}

// Receipt logs what the receipt shows.
func Receipt(cardNumber string, email string) {
	log.Printf("charged card ending %s", cardNumber[len(cardNumber)-4:])
	log.Printf("charged card %s%s", strings.Repeat("*", 12), lastFour(cardNumber))
	log.Printf("receipt sent to %s***", email[:2])
	log.Printf("receipt sent to %s", email)           // expect: pii-to-log user.contact.email
	log.Printf("card without prefix %s", cardNumber[6:]) // expect: pii-to-log user.financial.credit_card
}
