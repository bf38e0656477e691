module example.com/usercli

go 1.22
