package orders

import (
	"context"
	"fmt"

	brevo "github.com/getbrevo/brevo-go/lib"
)

// Negative file: the sales report to a fixed address.
func SendReport(ctx context.Context, orders int) error {
	_, _, err := br.TransactionalEmailsApi.SendTransacEmail(ctx, brevo.SendSmtpEmail{
		To:          []brevo.SendSmtpEmailTo{{Email: "sales@shop.example"}},
		Subject:     "Daily sales",
		TextContent: fmt.Sprintf("%d orders", orders),
	})
	return err
}
