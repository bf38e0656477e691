module example.com/marketplace

go 1.22

require github.com/meilisearch/meilisearch-go v0.29.0
