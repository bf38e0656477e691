module example.com/uploads

go 1.22

require github.com/honeybadger-io/honeybadger-go v0.8.0
