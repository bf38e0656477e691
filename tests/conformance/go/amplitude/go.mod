module example.com/bookings

go 1.22

require github.com/amplitude/analytics-go v1.0.2
