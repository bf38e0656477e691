package uploads

import (
	"os"

	"github.com/honeybadger-io/honeybadger-go"
)

func InitHoneybadger() {
	honeybadger.Configure(honeybadger.Configuration{APIKey: os.Getenv("HONEYBADGER_API_KEY"), Env: "production"})
}

type Uploader struct {
	ID    string
	Email string
	Phone string
}

func WithUploader(u Uploader) {
	honeybadger.SetContext(honeybadger.Context{"user_email": u.Email}) // expect: pii-to-third-party user.contact.email
}

func ImportFailed(err error, u Uploader) {
	honeybadger.Notify(err, honeybadger.Context{"phone": u.Phone}) // expect: pii-to-third-party user.contact.phone_number
}
