package hotel

import "context"

// Negative file: room inventory.
func IndexRooms(ctx context.Context) error {
	docs := ts.Collection("rooms").Documents()
	_, err := docs.Create(ctx, map[string]interface{}{"id": "101", "kind": "double", "rate": 120}, nil)
	if err != nil {
		return err
	}
	_, err = ts.Collection("rooms").Documents().Upsert(ctx, map[string]interface{}{"id": "102", "rate": 80}, nil)
	return err
}
