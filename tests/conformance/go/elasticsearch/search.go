package crm

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"

	"github.com/elastic/go-elasticsearch/v8"
)

type Contact struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone"`
}

// Search wraps the Elasticsearch client of the CRM.
type Search struct {
	es *elasticsearch.Client
}

func NewSearch() (*Search, error) {
	es, err := elasticsearch.NewDefaultClient()
	if err != nil {
		return nil, err
	}
	return &Search{es: es}, nil
}

// IndexContact stores the contact document.
func (s *Search) IndexContact(ctx context.Context, c Contact) error {
	body, err := json.Marshal(map[string]string{"id": c.ID, "email": c.Email})
	if err != nil {
		return err
	}
	res, err := s.es.Index("contacts", bytes.NewReader(body), s.es.Index.WithContext(ctx)) // expect: pii-to-third-party user.contact.email
	if err != nil {
		return err
	}
	return res.Body.Close()
}

// UpdatePhone sets one field of the document.
func (s *Search) UpdatePhone(id, phone string) error {
	res, err := s.es.Update("contacts", id, strings.NewReader(`{"doc":{"phone":"`+phone+`"}}`)) // expect: pii-to-third-party user.contact.phone_number
	if err != nil {
		return err
	}
	return res.Body.Close()
}
