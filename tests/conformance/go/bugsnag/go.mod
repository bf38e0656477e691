module example.com/payments

go 1.22

require github.com/bugsnag/bugsnag-go/v2 v2.5.1
