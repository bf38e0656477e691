module example.com/contract/protos

go 1.22
