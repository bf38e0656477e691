package support

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/opensearch-project/opensearch-go/v4/opensearchapi"
)

type Ticket struct {
	ID      string `json:"id"`
	Subject string `json:"subject"`
	Email   string `json:"email"`
}

// Index holds the support desk's OpenSearch client.
type Index struct {
	osClient *opensearchapi.Client
}

func (ix *Index) IndexTicket(ctx context.Context, t Ticket) error {
	doc, _ := json.Marshal(map[string]string{"subject": t.Subject, "email": t.Email})
	_, err := ix.osClient.Index(ctx, opensearchapi.IndexReq{Index: "tickets", DocumentID: t.ID, Body: strings.NewReader(string(doc))}) // expect: pii-to-third-party user.contact.email
	return err
}

func (ix *Index) IndexCounts(ctx context.Context, open int) error {
	_, err := ix.osClient.Index(ctx, opensearchapi.IndexReq{Index: "ticket-stats", Body: strings.NewReader(`{"open":3}`)})
	return err
}
