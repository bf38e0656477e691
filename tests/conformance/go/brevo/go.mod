module example.com/orders

go 1.22

require github.com/getbrevo/brevo-go v1.1.3
