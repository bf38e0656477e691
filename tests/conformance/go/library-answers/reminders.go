package reminders

import (
	"context"
	"encoding/base64"
	"fmt"
	"log/slog"
	"time"

	"github.com/hibiken/asynq"
)

// Reminders queues appointment reminders on asynq.
type Reminders struct {
	queue *asynq.Client
	log   *slog.Logger
}

func New(redisAddr string, log *slog.Logger) *Reminders {
	return &Reminders{queue: asynq.NewClient(asynq.RedisClientOpt{Addr: redisAddr}), log: log}
}

// Schedule is called by the booking handler with the patient's details.
func (r *Reminders) Schedule(ctx context.Context, email, firstName string, at time.Time) error {
	task := asynq.NewTask("reminder:send", []byte(email))
	info, err := r.queue.EnqueueContext(ctx, task, asynq.ProcessAt(at))
	if err != nil {
		r.log.Error("enqueue failed", "err", err)
		return err
	}
	// asynq's answer: the task's id and queue, not what the task holds
	r.log.Info("reminder queued", "task", info.ID, "queue", info.Queue)
	r.log.Debug("reminder info", "info", info)
	greeting := fmt.Sprintf("Hello %s, see you soon", firstName)
	r.log.Debug("greeting", "text", greeting) // expect: pii-to-log user.name.first
	token := base64.URLEncoding.EncodeToString([]byte(email))
	r.log.Info("unsubscribe link", "token", token) // expect: pii-to-log user.contact.email
	return nil
}
