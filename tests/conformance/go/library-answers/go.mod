module example.com/clinic/reminders

go 1.22

require (
	github.com/hibiken/asynq v0.24.1
	github.com/nbutton23/zxcvbn-go v0.0.0-20210217022336-fa2cb2858354
)
