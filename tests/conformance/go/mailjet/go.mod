module example.com/mail

go 1.22

require github.com/mailjet/mailjet-apiv3-go/v4 v4.0.1
