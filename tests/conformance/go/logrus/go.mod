module example.com/loyalty

go 1.22

require github.com/sirupsen/logrus v1.9.3
