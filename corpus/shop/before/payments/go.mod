module example.com/shop/payments

go 1.22

require github.com/lib/pq v1.10.9

require (
	github.com/redis/go-redis/v9 v9.7.0
	gorm.io/gorm v1.25.12
)
