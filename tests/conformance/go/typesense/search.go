package hotel

import (
	"context"
	"os"

	"github.com/typesense/typesense-go/v2/typesense"
)

var ts = typesense.NewClient(
	typesense.WithServer(os.Getenv("TYPESENSE_URL")),
	typesense.WithAPIKey(os.Getenv("TYPESENSE_API_KEY")),
)

type Guest struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Phone string `json:"phone"`
}

func IndexGuest(ctx context.Context, g Guest) error {
	_, err := ts.Collection("guests").Documents().Create(ctx, map[string]interface{}{"id": g.ID, "email": g.Email}, nil) // expect: pii-to-third-party user.contact.email
	return err
}

func UpsertPhone(ctx context.Context, id, phone string) error {
	_, err := ts.Collection("guests").Documents().Upsert(ctx, map[string]interface{}{"id": id, "phone": phone}, nil) // expect: pii-to-third-party user.contact.phone_number
	return err
}
