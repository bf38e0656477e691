package orders

import (
	"context"

	"go.elastic.co/apm/v2"
)

// Negative file: labels are counts and fixed names.
func countItems(ctx context.Context, n int) {
	tx := apm.TransactionFromContext(ctx)
	tx.Context.SetLabel("items", n)
	tx.Context.SetLabel("catalog", "spring")
	tx.Context.SetCustom("pricing_version", 3)
}
