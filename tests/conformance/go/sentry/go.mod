module example.com/accounts

go 1.22

require github.com/getsentry/sentry-go v0.29.0
