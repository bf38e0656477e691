module example.com/accounts

go 1.22

require (
	go.uber.org/zap v1.27.0
	google.golang.org/grpc v1.64.0
)
