module example.com/checkout

go 1.22

require (
	github.com/honeycombio/beeline-go v1.18.0
	github.com/honeycombio/libhoney-go v1.24.0
)
