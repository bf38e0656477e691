package checkout

import (
	"net/http"

	"github.com/honeycombio/beeline-go"
	libhoney "github.com/honeycombio/libhoney-go"
)

// Negative file: queue sampling sends sizes and fixed names.
func queueSample(r *http.Request, depth int) {
	beeline.AddField(r.Context(), "queue.depth", depth)
	ev := libhoney.NewEvent()
	ev.AddField("queue", "orders")
	ev.Add(map[string]interface{}{"depth": depth, "workers": 4})
	_ = ev.Send()
}
