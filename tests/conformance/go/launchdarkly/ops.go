package checkout

import "github.com/launchdarkly/go-sdk-common/v3/ldcontext"

// Negative file: an operational flag for a service context.
func (f *Flags) Maintenance() bool {
	service := ldcontext.NewWithKind("service", "checkout")
	on, _ := f.ldClient.BoolVariation("maintenance-mode", service, false)
	return on
}
