module example.com/checkout

go 1.22

require github.com/launchdarkly/go-server-sdk/v7 v7.6.0
