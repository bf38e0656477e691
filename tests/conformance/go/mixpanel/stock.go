package shop

import (
	"context"

	"github.com/mixpanel/mixpanel-go"
)

// Negative file: stock events from the warehouse, no buyer.
func TrackStock(ctx context.Context, left int) error {
	return mp.Track(ctx, []*mixpanel.Event{
		mp.NewEvent("Stock Low", "warehouse-1", map[string]any{"left": left}),
	})
}
