package checkout

import (
	"os"
	"time"

	"github.com/launchdarkly/go-sdk-common/v3/ldcontext"
	"github.com/launchdarkly/go-sdk-common/v3/ldvalue"
	ld "github.com/launchdarkly/go-server-sdk/v7"
)

// Flags holds the SDK client.
type Flags struct {
	ldClient *ld.LDClient
}

func NewFlags() (*Flags, error) {
	c, err := ld.MakeClient(os.Getenv("LAUNCHDARKLY_SDK_KEY"), 5*time.Second)
	if err != nil {
		return nil, err
	}
	return &Flags{ldClient: c}, nil
}

type Shopper struct {
	Key   string
	Email string
}

func contextOf(s Shopper) ldcontext.Context {
	return ldcontext.NewBuilder(s.Key).SetString("email", s.Email).Build()
}

func (f *Flags) NewCheckout(s Shopper) bool {
	on, _ := f.ldClient.BoolVariation("new-checkout", contextOf(s), false) // expect: pii-to-third-party user.contact.email
	return on
}

func (f *Flags) Converted(s Shopper, total float64) {
	_ = f.ldClient.TrackMetric("checkout-completed", contextOf(s), total, ldvalue.Null()) // expect: pii-to-third-party user.contact.email
}
