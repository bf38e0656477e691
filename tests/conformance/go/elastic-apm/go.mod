module example.com/orders

go 1.22

require go.elastic.co/apm/v2 v2.6.2
