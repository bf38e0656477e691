package main

import (
	"log/slog"
	"os"
)

type Notifier struct {
	log *slog.Logger
}

func NewNotifier() *Notifier {
	h := slog.NewTextHandler(os.Stderr, nil)
	return &Notifier{log: slog.New(h).WithGroup("notify")}
}

func (n *Notifier) SMS(c *Customer, text string) {
	n.log.Info("sending sms", "to", c.PhoneNumber) // expect: pii-to-log user.contact.phone_number
	n.log.Debug("sms length", "chars", len(text))
	slog.Default().Warn("sms fallback", "email", c.Email) // expect: pii-to-log user.contact.email
}

func (n *Notifier) Email(c *Customer, template string) {
	l := slog.With("to", c.Email, "template", template)
	l.Info("email queued") // expect: pii-to-log user.contact.email
	slog.With("template", template).Info("template rendered")
}
