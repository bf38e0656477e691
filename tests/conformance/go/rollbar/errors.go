package orders

import (
	"os"

	"github.com/rollbar/rollbar-go"
)

func InitRollbar() {
	rollbar.SetToken(os.Getenv("ROLLBAR_ACCESS_TOKEN"))
	rollbar.SetEnvironment("production")
}

type Buyer struct {
	ID       string
	Email    string
	Username string
	Phone    string
}

func SetBuyer(b Buyer) {
	rollbar.SetPerson(b.ID, b.Username, b.Email) // expect: pii-to-third-party user.account.username user.contact.email
}

func OrderFailed(err error, b Buyer) {
	rollbar.ErrorWithExtras(rollbar.ERR, err, map[string]interface{}{"phone": b.Phone}) // expect: pii-to-third-party user.contact.phone_number
}
