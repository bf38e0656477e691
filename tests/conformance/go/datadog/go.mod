module example.com/checkout

go 1.22

require gopkg.in/DataDog/dd-trace-go.v1 v1.67.0
