package marketplace

// Negative file: listings are public catalogue data.
type Listing struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	Price int    `json:"price"`
}

func IndexListings() error {
	index := meili.Index("listings")
	if _, err := index.AddDocuments([]Listing{{ID: 1, Title: "Walnut desk", Price: 420}}); err != nil {
		return err
	}
	_, err := index.UpdateDocuments([]map[string]interface{}{{"id": 1, "price": 399}})
	return err
}
