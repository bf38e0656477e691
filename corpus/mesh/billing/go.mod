module example.com/mesh/billing

go 1.22

require (
	github.com/redis/go-redis/v9 v9.6.1
	google.golang.org/grpc v1.66.0
)
