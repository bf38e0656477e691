module example.com/cart

go 1.22

require github.com/customerio/go-customerio/v3 v3.6.0
