module example.com/support

go 1.22

require github.com/opensearch-project/opensearch-go/v4 v4.3.0
