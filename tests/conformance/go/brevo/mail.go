package orders

import (
	"context"
	"os"

	brevo "github.com/getbrevo/brevo-go/lib"
)

func newBrevo() *brevo.APIClient {
	cfg := brevo.NewConfiguration()
	cfg.AddDefaultHeader("api-key", os.Getenv("BREVO_API_KEY"))
	return brevo.NewAPIClient(cfg)
}

var br = newBrevo()

type Order struct {
	Email string
	Phone string
	Total float64
}

func SendReceipt(ctx context.Context, o Order) error {
	_, _, err := br.TransactionalEmailsApi.SendTransacEmail(ctx, brevo.SendSmtpEmail{ // expect: pii-to-third-party user.contact.email
		To:         []brevo.SendSmtpEmailTo{{Email: o.Email}},
		TemplateId: 7,
	})
	return err
}

func AddContact(ctx context.Context, o Order) error {
	_, _, err := br.ContactsApi.CreateContact(ctx, brevo.CreateContact{Email: o.Email, Attributes: map[string]interface{}{"SMS": o.Phone}}) // expect: pii-to-third-party user.contact.email user.contact.phone_number
	return err
}
