package marketplace

import (
	"os"

	"github.com/meilisearch/meilisearch-go"
)

var meili = meilisearch.New(os.Getenv("MEILI_HOST"), meilisearch.WithAPIKey(os.Getenv("MEILI_API_KEY")))

type Seller struct {
	ID    int    `json:"id"`
	Shop  string `json:"shop"`
	Email string `json:"email"`
}

func IndexSeller(s Seller) error {
	_, err := meili.Index("sellers").AddDocuments([]map[string]interface{}{{"id": s.ID, "email": s.Email}}) // expect: pii-to-third-party user.contact.email
	return err
}

func UpdateSellerPhone(id int, phone string) error {
	index := meili.Index("sellers")
	_, err := index.UpdateDocuments([]map[string]interface{}{{"id": id, "phone": phone}}) // expect: pii-to-third-party user.contact.phone_number
	return err
}
