package main

import (
	stdlog "log"
	"os"
)

type Mailer struct {
	logger *stdlog.Logger
	host   string
}

func NewMailer(host string) *Mailer {
	return &Mailer{logger: stdlog.New(os.Stdout, "mailer ", stdlog.Lmsgprefix), host: host}
}

func (m *Mailer) Send(u *User, subject string) error {
	m.logger.Printf("sending %q to %s", subject, u.Email) // expect: pii-to-log user.contact.email
	m.logger.Printf("via %s", m.host)
	return nil
}

func (m *Mailer) Bounce(address string) {
	l := stdlog.Default()
	l.Println("bounced:", address) // expect: pii-to-log user.contact.address
}
