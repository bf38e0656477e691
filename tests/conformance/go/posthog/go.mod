module example.com/shop

go 1.22

require github.com/posthog/posthog-go v1.2.24
