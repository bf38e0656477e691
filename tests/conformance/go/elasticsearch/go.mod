module example.com/crm

go 1.22

require github.com/elastic/go-elasticsearch/v8 v8.15.0
