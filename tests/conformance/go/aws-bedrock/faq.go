package assistant

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
)

// Negative file: FAQ answers from a fixed prompt.
func (a *Assistant) ShippingFAQ(ctx context.Context) error {
	_, err := a.bedrock.Converse(ctx, &bedrockruntime.ConverseInput{
		ModelId: aws.String(modelID),
		Messages: []types.Message{{
			Role:    types.ConversationRoleUser,
			Content: []types.ContentBlock{&types.ContentBlockMemberText{Value: "Answer the shipping FAQ in two sentences."}},
		}},
	})
	return err
}
