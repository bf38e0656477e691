module example.com/shop

go 1.22

require github.com/mixpanel/mixpanel-go v1.2.1
