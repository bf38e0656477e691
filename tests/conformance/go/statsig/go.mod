module example.com/checkout

go 1.22

require github.com/statsig-io/go-sdk v1.24.0
