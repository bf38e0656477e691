package notify

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sns"
)

// Negative file: stock alerts to the ops topic.
func (n *Notifier) StockAlert(ctx context.Context, sku string, left int) error {
	_, err := n.snsClient.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(n.topicArn), Message: aws.String(fmt.Sprintf("%s: %d left", sku, left))})
	return err
}
