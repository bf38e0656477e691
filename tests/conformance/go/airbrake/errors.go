package signup

import (
	"net/http"
	"os"
	"strconv"

	"github.com/airbrake/gobrake/v5"
)

var projectID, _ = strconv.ParseInt(os.Getenv("AIRBRAKE_PROJECT_ID"), 10, 64)

var airbrake = gobrake.NewNotifierWithOptions(&gobrake.NotifierOptions{
	ProjectId:   projectID,
	ProjectKey:  os.Getenv("AIRBRAKE_PROJECT_KEY"),
	Environment: "production",
})

type Form struct {
	Email string
	Phone string
}

func SignupFailed(err error, r *http.Request, f Form) {
	notice := airbrake.Notice(err, r, 0)
	notice.Params = map[string]interface{}{"email": f.Email}
	airbrake.SendNotice(notice) // expect: pii-to-third-party user.contact.email
}
