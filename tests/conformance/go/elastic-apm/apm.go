package orders

import (
	"context"

	"go.elastic.co/apm/v2"
)

type Buyer struct {
	ID       string
	Email    string
	Username string
	City     string
}

// IdentifyBuyer fills the transaction's user context.
func IdentifyBuyer(ctx context.Context, b Buyer) {
	tx := apm.TransactionFromContext(ctx)
	if tx == nil {
		return
	}
	tx.Context.SetUserID(b.ID)
	tx.Context.SetUserEmail(b.Email) // expect: pii-to-third-party user.contact.email
	tx.Context.SetUsername(b.Username) // expect: pii-to-third-party user.account.username
	tx.Context.SetLabel("buyer.city", b.City) // expect: pii-to-third-party user.contact.address.city
}
