module example.com/accounts

go 1.22

require go.opentelemetry.io/otel v1.31.0
