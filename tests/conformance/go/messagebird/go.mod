module example.com/verify

go 1.22

require github.com/messagebird/go-rest-api/v9 v9.1.0
