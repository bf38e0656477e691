package assistant

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime"
	"github.com/aws/aws-sdk-go-v2/service/bedrockruntime/types"
)

const modelID = "anthropic.claude-3-5-sonnet-20240620-v1:0"

// Assistant drafts support replies.
type Assistant struct {
	bedrock *bedrockruntime.Client
}

func New(cfg aws.Config) *Assistant {
	return &Assistant{bedrock: bedrockruntime.NewFromConfig(cfg)}
}

func (a *Assistant) ask(ctx context.Context, prompt string) (*bedrockruntime.ConverseOutput, error) {
	return a.bedrock.Converse(ctx, &bedrockruntime.ConverseInput{ // expect: pii-to-third-party user.contact.email
		ModelId: aws.String(modelID),
		Messages: []types.Message{{
			Role:    types.ConversationRoleUser,
			Content: []types.ContentBlock{&types.ContentBlockMemberText{Value: prompt}},
		}},
	})
}

func (a *Assistant) DraftReply(ctx context.Context, email, subject string) error {
	_, err := a.ask(ctx, "Write a reply to "+email+" about "+subject)
	return err
}
