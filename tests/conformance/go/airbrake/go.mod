module example.com/signup

go 1.22

require github.com/airbrake/gobrake/v5 v5.6.1
