module example.com/assistant

go 1.22

require github.com/aws/aws-sdk-go-v2/service/bedrockruntime v1.17.0
