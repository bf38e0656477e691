package notify

import (
	"context"
	"encoding/json"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// Notifier publishes with the SNS client.
type Notifier struct {
	snsClient *sns.Client
	topicArn  string
}

func NewNotifier(cfg aws.Config, topicArn string) *Notifier {
	return &Notifier{snsClient: sns.NewFromConfig(cfg), topicArn: topicArn}
}

func (n *Notifier) SMSCode(ctx context.Context, phone, code string) error {
	_, err := n.snsClient.Publish(ctx, &sns.PublishInput{PhoneNumber: aws.String(phone), Message: aws.String("Your code is " + code)}) // expect: pii-to-third-party user.contact.phone_number
	return err
}

type Order struct {
	ID    string `json:"id"`
	Email string `json:"email"`
}

func (n *Notifier) OrderPlaced(ctx context.Context, o Order) error {
	body, _ := json.Marshal(map[string]string{"order": o.ID, "email": o.Email})
	_, err := n.snsClient.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(n.topicArn), Message: aws.String(string(body))}) // expect: pii-to-third-party user.contact.email
	return err
}
