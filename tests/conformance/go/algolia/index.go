package directory

import (
	"os"

	"github.com/algolia/algoliasearch-client-go/v3/algolia/search"
)

type Member struct {
	ObjectID string `json:"objectID"`
	Name     string `json:"name"`
	Email    string `json:"email"`
	Phone    string `json:"phone"`
}

var client = search.NewClient(os.Getenv("ALGOLIA_APP_ID"), os.Getenv("ALGOLIA_API_KEY"))

// IndexMember stores the member's directory entry.
func IndexMember(m Member) error {
	index := client.InitIndex("members")
	_, err := index.SaveObject(map[string]string{"objectID": m.ObjectID, "email": m.Email}) // expect: pii-to-third-party user.contact.email
	return err
}

// UpdatePhone changes one attribute of the entry.
func UpdatePhone(id, phone string) error {
	index := client.InitIndex("members")
	_, err := index.PartialUpdateObject(map[string]string{"objectID": id, "phone": phone}) // expect: pii-to-third-party user.contact.phone_number
	return err
}
