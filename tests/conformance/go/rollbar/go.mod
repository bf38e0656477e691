module example.com/orders

go 1.22

require github.com/rollbar/rollbar-go v1.4.5
