module example.com/notify

go 1.22

require github.com/aws/aws-sdk-go-v2/service/sns v1.31.0
