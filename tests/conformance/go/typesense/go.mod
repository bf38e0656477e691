module example.com/hotel

go 1.22

require github.com/typesense/typesense-go/v2 v2.0.0
